package io.xinference.hub.command.ratelimit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.xinference.hub.command.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.servlet.HandlerInterceptor;

import java.util.OptionalLong;
import java.util.Set;

/**
 * OWASP API4: every write ({@code POST}, {@code PUT}, {@code PATCH}, {@code DELETE}) under {@code /api/**} takes a
 * permit of its caller (the token's subject); over the limit it is answered 429 with a problem and
 * {@code Retry-After}, before anything runs. Reads are not limited here; anonymous writes never get this far (401).
 */
public class WriteRateLimitInterceptor implements HandlerInterceptor {

    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final WriteRateLimiter limiter;
    private final ObjectMapper json;

    public WriteRateLimitInterceptor(WriteRateLimiter limiter, ObjectMapper json) {
        this.limiter = limiter;
        this.json = json;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws Exception {
        if (!WRITES.contains(request.getMethod())) {
            return true;
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!(authentication instanceof JwtAuthenticationToken token) || token.getToken().getSubject() == null) {
            return true;
        }
        OptionalLong retryAfter = limiter.acquire(token.getToken().getSubject());
        if (retryAfter.isEmpty()) {
            return true;
        }
        ProblemDetail problem = Problems.of(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many writes",
                "too many changes in a short time; try again in " + retryAfter.getAsLong() + " s");
        problem.setProperty("retryAfterSeconds", retryAfter.getAsLong());
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter.getAsLong()));
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
        return false;
    }
}
