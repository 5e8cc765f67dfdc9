package io.xinference.hub.command.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.xinference.hub.command.web.Problems;
import io.xinference.hub.security.HubJwtAuthenticationConverter;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

import java.io.IOException;
import java.util.List;

/**
 * A stateless OAuth2 resource server. Tokens are decoded by the shared {@code HubJwtDecoders} (RS256 only, issuer
 * and audience checked; see {@code HubPlatformAutoConfiguration}) and mapped to permissions by the shared
 * {@link HubJwtAuthenticationConverter}. Every API call needs a token; which permission a change needs is the
 * model's rules' business ({@code ModelPolicy}), because it depends on the model. 401 and 403 are problems too.
 */
@Configuration
public class SecurityConfiguration {

    @Bean
    SecurityFilterChain api(HttpSecurity http, HubJwtAuthenticationConverter converter, ObjectMapper json)
            throws Exception {
        AuthenticationEntryPoint unauthenticated = problemEntryPoint(json);
        AccessDeniedHandler denied = problemAccessDenied(json);
        http.csrf(csrf -> csrf.disable()) // no cookies: bearer tokens only
                .cors(Customizer.withDefaults())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.OPTIONS, "/**").permitAll()
                        .requestMatchers("/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**",
                                "/actuator/health/**", "/actuator/info", "/actuator/prometheus", "/error").permitAll()
                        .anyRequest().authenticated())
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(converter))
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(denied))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(denied));
        return http.build();
    }

    /**
     * URLs the security firewall refuses (an encoded line break, slash or percent sign, "..", a semicolon, ...):
     * a 400 problem saying so, instead of the firewall's bare 400 (found by fuzzing: a model id of "\n").
     */
    @Bean
    RequestRejectedHandler rejectedUrlIsAProblem(ObjectMapper json) {
        return (request, response, rejected) -> write(json, response, Problems.of(HttpStatus.BAD_REQUEST,
                "rejected-url", "URL not accepted", rejected.getMessage()));
    }

    @Bean
    CorsConfigurationSource corsConfigurationSource(@Value("${hub.ui-origin}") List<String> origins) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(origins);
        cors.setAllowedMethods(List.of("GET", "POST", "PUT", "DELETE", "OPTIONS"));
        cors.setAllowedHeaders(List.of("Authorization", "Content-Type", "If-Match", "Idempotency-Key",
                "X-Correlation-Id"));
        cors.setExposedHeaders(List.of("ETag", "Location", "X-Request-Id", "X-Correlation-Id", "Idempotent-Replayed"));
        cors.setMaxAge(3600L);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/api/**", cors);
        return source;
    }

    private static AuthenticationEntryPoint problemEntryPoint(ObjectMapper json) {
        BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();
        return (request, response, exception) -> {
            bearer.commence(request, response, exception); // sets WWW-Authenticate with the RFC 6750 error
            write(json, response, Problems.of(HttpStatus.UNAUTHORIZED, "unauthenticated", "Authentication required",
                    "send a valid bearer token from the hub's identity provider"));
        };
    }

    private static AccessDeniedHandler problemAccessDenied(ObjectMapper json) {
        BearerTokenAccessDeniedHandler bearer = new BearerTokenAccessDeniedHandler();
        return (request, response, exception) -> {
            bearer.handle(request, response, exception);
            write(json, response, Problems.of(HttpStatus.FORBIDDEN, "not-permitted", "Not permitted",
                    "the token does not grant this call"));
        };
    }

    private static void write(ObjectMapper json, HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
