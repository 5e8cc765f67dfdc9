package io.xinference.hub.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Gives every request a request id and a correlation id (taken from the caller's {@code X-Correlation-Id} when it
 * sends a sane one, so a UI action can be followed across both apps), puts both into the logging MDC and echoes them
 * in the response. The command side copies them into every event's metadata.
 */
public class CorrelationIdFilter extends OncePerRequestFilter {

    public static final String CORRELATION_HEADER = "X-Correlation-Id";
    public static final String REQUEST_HEADER = "X-Request-Id";
    public static final String CORRELATION_MDC_KEY = "correlationId";
    public static final String REQUEST_MDC_KEY = "requestId";

    /** A client-chosen id ends up in logs and events: accept only short, plain tokens. */
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String requestId = UUID.randomUUID().toString();
        String offered = request.getHeader(CORRELATION_HEADER);
        String correlationId = offered != null && SAFE_ID.matcher(offered).matches() ? offered : requestId;
        MDC.put(CORRELATION_MDC_KEY, correlationId);
        MDC.put(REQUEST_MDC_KEY, requestId);
        response.setHeader(CORRELATION_HEADER, correlationId);
        response.setHeader(REQUEST_HEADER, requestId);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(CORRELATION_MDC_KEY);
            MDC.remove(REQUEST_MDC_KEY);
        }
    }
}
