package io.xinference.hub.query.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.xinference.hub.platform.web.CorrelationIdFilter;
import io.xinference.hub.security.HubJwtAuthenticationConverter;
import io.xinference.hub.security.HubPermission;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

import java.io.IOException;
import java.util.List;

/**
 * OAuth2 resource server with the shared decoder (RS256, issuer, audience: {@code hub.security.*}, see
 * {@code HubPlatformAutoConfiguration}) and the shared token-to-permission mapping. Read endpoints allow anonymous callers: what they see is decided
 * per model inside each query. Reviewer, auditor and admin endpoints need their permission here.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    @Bean
    SecurityFilterChain api(HttpSecurity http, ObjectMapper objectMapper, HubJwtAuthenticationConverter converter,
                            @Value("${hub.ui-origin}") String uiOrigin) throws Exception {
        BearerTokenAuthenticationEntryPoint bearerEntryPoint = new BearerTokenAuthenticationEntryPoint();
        BearerTokenAccessDeniedHandler bearerDenied = new BearerTokenAccessDeniedHandler();
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .cors(cors -> cors.configurationSource(cors(uiOrigin)))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/api/review-queue/**").hasAuthority(HubPermission.REVIEW_LIST.authority())
                        .requestMatchers("/api/audit-trail/**").hasAuthority(HubPermission.AUDIT_READ.authority())
                        .requestMatchers("/api/admin/**").hasAuthority(HubPermission.ADMIN.authority())
                        .requestMatchers("/api/catalogue/my-models").authenticated()
                        .requestMatchers(HttpMethod.GET, "/**").permitAll()
                        .requestMatchers(HttpMethod.HEAD, "/**").permitAll()
                        .requestMatchers(HttpMethod.OPTIONS, "/**").permitAll()
                        .anyRequest().denyAll())
                .oauth2ResourceServer(oauth -> oauth
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(converter))
                        .authenticationEntryPoint((request, response, e) -> {
                            bearerEntryPoint.commence(request, response, e);
                            problem(response, objectMapper, HttpStatus.UNAUTHORIZED, "a valid bearer token is required");
                        })
                        .accessDeniedHandler((request, response, e) -> {
                            bearerDenied.handle(request, response, e);
                            problem(response, objectMapper, HttpStatus.FORBIDDEN, "you lack the permission for this");
                        }))
                .exceptionHandling(ex -> ex
                        .authenticationEntryPoint((request, response, e) -> {
                            bearerEntryPoint.commence(request, response, e);
                            problem(response, objectMapper, HttpStatus.UNAUTHORIZED, "a valid bearer token is required");
                        })
                        .accessDeniedHandler((request, response, e) ->
                                problem(response, objectMapper, HttpStatus.FORBIDDEN, "you lack the permission for this")));
        return http.build();
    }

    /**
     * URLs the security firewall refuses (an encoded line break, slash or percent sign, "..", a semicolon, ...):
     * a 400 problem saying so, instead of the firewall's bare 400 (found by fuzzing the command side's ids).
     */
    @Bean
    RequestRejectedHandler rejectedUrlIsAProblem(ObjectMapper objectMapper) {
        return (request, response, rejected) -> problem(response, objectMapper, HttpStatus.BAD_REQUEST,
                rejected.getMessage());
    }

    private static UrlBasedCorsConfigurationSource cors(String uiOrigin) {
        CorsConfiguration configuration = new CorsConfiguration();
        configuration.setAllowedOrigins(List.of(uiOrigin.split(",")));
        configuration.setAllowedMethods(List.of("GET", "HEAD", "OPTIONS"));
        configuration.setAllowedHeaders(List.of("Authorization", "Content-Type", "If-None-Match",
                CorrelationIdFilter.CORRELATION_HEADER));
        configuration.setExposedHeaders(List.of("ETag", CorrelationIdFilter.CORRELATION_HEADER,
                CorrelationIdFilter.REQUEST_HEADER));
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/api/**", configuration);
        return source;
    }

    private static void problem(HttpServletResponse response, ObjectMapper objectMapper, HttpStatus status,
                                String detail) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        objectMapper.writeValue(response.getOutputStream(), problem);
    }
}
