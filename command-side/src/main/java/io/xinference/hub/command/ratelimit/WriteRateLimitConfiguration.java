package io.xinference.hub.command.ratelimit;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The per-user write limit: {@code hub.rate-limit.writes-per-minute} (default 120) on average, with bursts of up to
 * {@code hub.rate-limit.burst} (default 30) writes.
 */
@Configuration
public class WriteRateLimitConfiguration implements WebMvcConfigurer {

    private final WriteRateLimitInterceptor interceptor;

    public WriteRateLimitConfiguration(@Value("${hub.rate-limit.writes-per-minute:120}") int writesPerMinute,
                                       @Value("${hub.rate-limit.burst:30}") int burst, ObjectMapper json) {
        this.interceptor = new WriteRateLimitInterceptor(new WriteRateLimiter(writesPerMinute, burst), json);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(interceptor).addPathPatterns("/api/**");
    }
}
