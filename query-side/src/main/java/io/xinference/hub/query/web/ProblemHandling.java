package io.xinference.hub.query.web;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.lang.Nullable;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.util.List;
import java.util.Map;

/**
 * Every error as RFC 9457 problem details ({@code application/problem+json}); bad input is a 400 naming the
 * parameter in {@code errors[].pointer}, never a 500.
 */
@RestControllerAdvice
public class ProblemHandling extends ResponseEntityExceptionHandler {

    @ExceptionHandler(BadRequestException.class)
    ProblemDetail badRequest(BadRequestException e) {
        return validation(e.pointer(), e.getMessage());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        return validation(e.getName(), "invalid value '" + e.getValue() + "'");
    }

    /**
     * A header the security firewall refuses when the app reads it (a control character in If-None-Match, say):
     * bad input, answered 400 (the command side's fuzzing found it answered 500 there).
     */
    @ExceptionHandler(org.springframework.security.web.firewall.RequestRejectedException.class)
    ProblemDetail rejected(org.springframework.security.web.firewall.RequestRejectedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Request not accepted");
        return problem;
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setTitle("Not found");
        return problem;
    }

    @ExceptionHandler(ModelPrivateException.class)
    ProblemDetail modelPrivate(ModelPrivateException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
        problem.setTitle("Model private");
        problem.setProperty("error_code", "MODEL_PRIVATE");
        problem.setProperty("message", e.getMessage());
        return problem;
    }

    /**
     * Elasticsearch unreachable or failing: 503, so a Xinference client keeps its last good file and the UI can
     * say "try again" (never a 2xx with an error body).
     */
    @ExceptionHandler({java.io.UncheckedIOException.class,
            co.elastic.clients.elasticsearch._types.ElasticsearchException.class,
            co.elastic.clients.transport.TransportException.class})
    ResponseEntity<ProblemDetail> backendUnavailable(Exception e) {
        if (e instanceof co.elastic.clients.elasticsearch._types.ElasticsearchException refused
                && refused.status() == 400) {
            // only a forged cursor gets this far with values Elasticsearch cannot use
            return ResponseEntity.badRequest()
                    .body(validation("cursor", "the search request was refused: " + refused.error().reason()));
        }
        logger.warn("read model unavailable: " + e);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "the search backend is unavailable; try again shortly");
        problem.setTitle("Service unavailable");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS).body(problem);
    }

    /** How long a client should wait after a 503: Elasticsearch restarts in tens of seconds. */
    static final String RETRY_AFTER_SECONDS = "10";

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
                                                                          HttpHeaders headers, HttpStatusCode status,
                                                                          WebRequest request) {
        return ResponseEntity.badRequest()
                .body(validation(ex.getParameterName(), "required parameter is missing"));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
                                                                            HttpHeaders headers,
                                                                            HttpStatusCode status,
                                                                            WebRequest request) {
        List<Map<String, String>> errors = ex.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream().map(error -> Map.of(
                        "pointer", String.valueOf(result.getMethodParameter().getParameterName()),
                        "message", String.valueOf(error.getDefaultMessage()))))
                .toList();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "invalid request");
        problem.setTitle("Bad request");
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    static ProblemDetail validation(@Nullable String pointer, String message) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, message);
        problem.setTitle("Bad request");
        problem.setProperty("errors", List.of(Map.of("pointer", pointer == null ? "" : pointer,
                "message", message)));
        return problem;
    }
}
