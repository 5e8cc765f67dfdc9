package io.xinference.hub.command.ratelimit;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class WriteRateLimitInterceptorTest {

    private final ObjectMapper json = new ObjectMapper();

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void theBurstPassesThenTheNextWriteWaitsForTheRefill() {
        WriteRateLimiter limiter = new WriteRateLimiter(120, 3);

        assertThat(limiter.refreshPeriod()).isEqualTo(Duration.ofMillis(1500));
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.acquire("alice")).isEmpty();
        }
        assertThat(limiter.acquire("alice").orElseThrow()).isBetween(1L, 2L);
    }

    @Test
    void eachCallerHasALimitOfTheirOwn() {
        WriteRateLimiter limiter = new WriteRateLimiter(1, 1);

        assertThat(limiter.acquire("alice")).isEmpty();
        assertThat(limiter.acquire("alice")).isPresent();
        assertThat(limiter.acquire("bob")).isEmpty();
    }

    @Test
    void aBurstLargerThanTheRateIsTheRate() {
        assertThat(new WriteRateLimiter(10, 50).refreshPeriod()).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void writesOverTheLimitAre429ProblemsWithRetryAfterReadsAreNotCounted() throws Exception {
        WriteRateLimitInterceptor interceptor = new WriteRateLimitInterceptor(new WriteRateLimiter(1, 1), json);
        authenticate("subject-1");

        assertThat(interceptor.preHandle(request("GET"), new MockHttpServletResponse(), null)).isTrue();
        assertThat(interceptor.preHandle(request("POST"), new MockHttpServletResponse(), null)).isTrue();
        assertThat(interceptor.preHandle(request("GET"), new MockHttpServletResponse(), null)).isTrue();
        MockHttpServletResponse refused = new MockHttpServletResponse();
        assertThat(interceptor.preHandle(request("DELETE"), refused, null)).isFalse();

        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getContentType()).isEqualTo("application/problem+json");
        assertThat(Long.parseLong(refused.getHeader("Retry-After"))).isBetween(1L, 60L);
        assertThat(json.readTree(refused.getContentAsString()).path("type").asText())
                .isEqualTo("urn:models-hub:problem:rate-limited");
    }

    @Test
    void withoutATokenTheWriteIsLeftToSecurity() throws Exception {
        WriteRateLimitInterceptor interceptor = new WriteRateLimitInterceptor(new WriteRateLimiter(1, 1), json);

        for (int i = 0; i < 3; i++) {
            assertThat(interceptor.preHandle(request("PUT"), new MockHttpServletResponse(), null)).isTrue();
        }
    }

    private static MockHttpServletRequest request(String method) {
        return new MockHttpServletRequest(method, "/api/registry/models");
    }

    private static void authenticate(String subject) {
        Jwt jwt = Jwt.withTokenValue("t").header("alg", "RS256").subject(subject)
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60)).build();
        SecurityContextHolder.getContext().setAuthentication(new JwtAuthenticationToken(jwt));
    }
}
