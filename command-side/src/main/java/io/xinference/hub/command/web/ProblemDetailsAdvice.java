package io.xinference.hub.command.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.xinference.hub.command.definition.InvalidDefinitionException;
import io.xinference.hub.command.definition.Violation;
import io.xinference.hub.command.model.CommandRefusal;
import io.xinference.hub.command.model.ModelRuleViolation;
import io.xinference.hub.command.model.StaleVersionException;
import io.xinference.hub.command.registration.IdempotencyKeyReusedException;
import io.xinference.hub.events.ModelType;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * Every refusal as an RFC 9457 problem, with the precise status: 400 malformed request or invalid definition
 * (with a pointer per violation), 404 unknown or invisible model, 403 missing permission, 409 state conflict or
 * name taken, 412 stale If-Match (with the current version), 413 too large, 422 unacceptable value, 503 with
 * Retry-After while the event store (PostgreSQL) cannot be reached. Never a 500 for bad input.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    private final long retryAfterSeconds;

    public ProblemDetailsAdvice(@Value("${hub.store-unavailable.retry-after:5s}") Duration retryAfter) {
        this.retryAfterSeconds = Math.max(1, retryAfter.toSeconds());
    }

    @ExceptionHandler(ModelRuleViolation.class)
    ResponseEntity<ProblemDetail> ruleViolated(ModelRuleViolation violation) {
        ProblemDetail problem = switch (violation.refusal()) {
            case NOT_VISIBLE -> Problems.of(HttpStatus.NOT_FOUND, "model-not-found", "Model not found", violation.getMessage());
            case NOT_PERMITTED -> Problems.of(HttpStatus.FORBIDDEN, "not-permitted", "Not permitted", violation.getMessage());
            case WRONG_STATE -> Problems.of(HttpStatus.CONFLICT, "wrong-state", "Not possible in the model's current state", violation.getMessage());
            case NAME_TAKEN -> Problems.withErrors(
                    Problems.of(HttpStatus.CONFLICT, "name-taken", "Model name taken", violation.getMessage()),
                    List.of(new Violation("/definition/model_name", violation.getMessage())));
            case UNACCEPTABLE_VALUE -> Problems.withErrors(
                    Problems.of(HttpStatus.UNPROCESSABLE_ENTITY, "unacceptable-value", "Unacceptable value", violation.getMessage()),
                    violation.pointer() == null ? List.of() : List.of(new Violation(violation.pointer(), violation.getMessage())));
        };
        return respond(problem);
    }

    @ExceptionHandler(InvalidDefinitionException.class)
    ResponseEntity<ProblemDetail> invalidDefinition(InvalidDefinitionException invalid) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "invalid-definition", "Invalid model definition",
                invalid.getMessage());
        return respond(Problems.withErrors(problem, invalid.violations().stream().map(v -> v.under("/definition")).toList()));
    }

    @ExceptionHandler(StaleVersionException.class)
    ResponseEntity<ProblemDetail> staleVersion(StaleVersionException stale) {
        ProblemDetail problem = Problems.of(HttpStatus.PRECONDITION_FAILED, "stale-version", "Stale version",
                stale.getMessage());
        problem.setProperty("currentVersion", stale.currentVersion());
        return ResponseEntity.status(HttpStatus.PRECONDITION_FAILED)
                .header(HttpHeaders.ETAG, ModelVersions.etag(stale.currentVersion())).body(problem);
    }

    /** A refusal that travelled wrapped, through the interceptor and possibly Axon Server: answered as itself. */
    @ExceptionHandler(CommandExecutionException.class)
    ResponseEntity<ProblemDetail> commandFailed(CommandExecutionException failure) {
        RuntimeException original = CommandRefusal.original(failure).orElse(null);
        if (original instanceof ModelRuleViolation violation) {
            return ruleViolated(violation);
        }
        if (original instanceof StaleVersionException stale) {
            return staleVersion(stale);
        }
        if (original instanceof InvalidDefinitionException invalid) {
            return invalidDefinition(invalid);
        }
        if (original instanceof AggregateNotFoundException notFound) {
            return unknownModel(notFound);
        }
        return unexpected(failure);
    }

    /**
     * Failures that come back from Axon Server ({@code HUB_AXON_SERVER=true}) wrapped in other exceptions: an
     * append the server refused because another instance stored the model's next event first (a
     * {@link ConcurrencyException} somewhere in the chain) is the same 409 as with the JPA store; a command the
     * server could not route or deliver (connector errors AXONIQ-3xxx / 4000 / 4003: no connection, no handler,
     * dispatch failed) is a 503 with {@code Retry-After}, not an internal error. Nothing was stored in either case.
     */
    private ResponseEntity<ProblemDetail> axonServerFailure(Exception failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConcurrencyException conflict) {
                return concurrentChange(conflict);
            }
            String code = axonServerErrorCode(cause);
            if (code != null && (code.startsWith("AXONIQ-3") || code.equals("AXONIQ-4000")
                    || code.equals("AXONIQ-4003"))) {
                return storeUnavailable(failure);
            }
        }
        return null;
    }

    /** The AXONIQ-nnnn code of either Axon Server exception type, else null. */
    private static String axonServerErrorCode(Throwable cause) {
        if (cause instanceof io.axoniq.axonserver.connector.AxonServerException connector) {
            return connector.getErrorCategory() == null ? null : connector.getErrorCategory().errorCode();
        }
        if (cause instanceof org.axonframework.axonserver.connector.AxonServerException framework) {
            return framework.code();
        }
        return null;
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<ProblemDetail> unknownModel(AggregateNotFoundException notFound) {
        return respond(Problems.of(HttpStatus.NOT_FOUND, "model-not-found", "Model not found",
                "no model with id " + notFound.getAggregateIdentifier()));
    }

    /** Two writers of one model on different instances: the second commit loses; the client reloads and retries. */
    @ExceptionHandler(ConcurrencyException.class)
    ResponseEntity<ProblemDetail> concurrentChange(ConcurrencyException conflict) {
        return respond(Problems.of(HttpStatus.CONFLICT, "concurrent-change", "Changed concurrently",
                "another change of this model was stored at the same time: reload it and try again"));
    }

    @ExceptionHandler(IdempotencyKeyReusedException.class)
    ResponseEntity<ProblemDetail> idempotencyKeyReused(IdempotencyKeyReusedException reused) {
        return respond(Problems.of(HttpStatus.UNPROCESSABLE_ENTITY, "idempotency-key-reused",
                "Idempotency-Key reused", reused.getMessage()));
    }

    @ExceptionHandler(InvalidIfMatchException.class)
    ResponseEntity<ProblemDetail> invalidIfMatch(InvalidIfMatchException invalid) {
        return respond(Problems.of(HttpStatus.BAD_REQUEST, "invalid-if-match", "Invalid If-Match", invalid.getMessage()));
    }

    @ExceptionHandler(InvalidRequestHeaderException.class)
    ResponseEntity<ProblemDetail> invalidHeader(InvalidRequestHeaderException invalid) {
        return respond(Problems.of(HttpStatus.BAD_REQUEST, "invalid-header", "Invalid request header", invalid.getMessage()));
    }

    @ExceptionHandler(RequestBodyTooLargeException.class)
    ResponseEntity<ProblemDetail> tooLarge(RequestBodyTooLargeException tooLarge) {
        return respond(Problems.withErrors(Problems.of(HttpStatus.PAYLOAD_TOO_LARGE, "request-too-large",
                "Request too large", tooLarge.getMessage()), tooLarge.violations()));
    }

    /**
     * A header the security firewall refuses when the app reads it (a control character in If-Match, say): bad
     * input, not a failure of the hub (found by fuzzing: it was a 500).
     */
    @ExceptionHandler(RequestRejectedException.class)
    ResponseEntity<ProblemDetail> rejected(RequestRejectedException rejected) {
        return respond(Problems.of(HttpStatus.BAD_REQUEST, "rejected-request", "Request not accepted",
                rejected.getMessage()));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception unexpected) {
        if (StoreUnavailable.isCause(unexpected)) {
            return storeUnavailable(unexpected);
        }
        ResponseEntity<ProblemDetail> axonServer = axonServerFailure(unexpected);
        if (axonServer != null) {
            return axonServer;
        }
        LOG.error("Unexpected failure", unexpected);
        return respond(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
                "the hub failed to handle this request; it has been logged"));
    }

    /**
     * PostgreSQL (the event store) is down, restarting or out of connections: the change was not acknowledged
     * (a transaction is all or nothing; only a commit cut off mid-way may have landed), so the client sends the
     * same command again after Retry-After: a registration with the same Idempotency-Key, a change with its
     * If-Match (a 412 then says it had landed). Answered within the pool's connection timeout
     * ({@code spring.datasource.hikari.connection-timeout}, 5 s), never a 500 or a hang.
     */
    private ResponseEntity<ProblemDetail> storeUnavailable(Exception failure) {
        LOG.warn("Event store unavailable: {}", rootMessage(failure));
        ProblemDetail problem = Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "store-unavailable",
                "Event store unavailable", "the event store cannot be reached (or has no free connection) right"
                        + " now: send the request again after " + retryAfterSeconds + " seconds");
        problem.setProperty("retryAfterSeconds", retryAfterSeconds);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds)).body(problem);
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException unreadable,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        for (Throwable cause = unreadable; cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestBodyTooLargeException tooLarge) {
                return asObject(tooLarge(tooLarge));
            }
        }
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request",
                "the request body is not the JSON this call takes");
        if (unreadable.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String pointer = pointerOf(mapping);
            String message = mapping instanceof UnrecognizedPropertyException
                    ? "unknown field: this call does not take it"
                    : invalidValueMessage(mapping);
            Problems.withErrors(problem, List.of(new Violation(pointer, message)));
        }
        return asObject(respond(problem));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException invalid,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        List<Violation> violations = invalid.getBindingResult().getFieldErrors().stream()
                .map(error -> new Violation("/" + error.getField().replace('.', '/'), error.getDefaultMessage()))
                .toList();
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
                "the request has " + violations.size() + " invalid field(s)");
        return asObject(respond(Problems.withErrors(problem, violations)));
    }

    /** What the field takes, without echoing Java class names back to the caller. */
    private static String invalidValueMessage(JsonMappingException mapping) {
        Class<?> target = mapping instanceof MismatchedInputException mismatch ? mismatch.getTargetType()
                : mapping instanceof ValueInstantiationException instantiation ? instantiation.getType().getRawClass()
                : null;
        if (target == null) {
            return "not a valid value here";
        }
        if (target.isEnum()) {
            return "must be one of " + Arrays.stream(target.getEnumConstants())
                    .map(constant -> constant instanceof ModelType type ? type.wire() : constant.toString()).toList();
        }
        if (target == Instant.class) {
            return "must be an ISO-8601 instant such as 2027-01-31T00:00:00Z";
        }
        return "must be " + (target == String.class ? "a string" : "a JSON " + target.getSimpleName().toLowerCase());
    }

    private static String pointerOf(JsonMappingException mapping) {
        StringBuilder pointer = new StringBuilder();
        for (JsonMappingException.Reference reference : mapping.getPath()) {
            pointer.append('/');
            pointer.append(reference.getFieldName() != null
                    ? reference.getFieldName().replace("~", "~0").replace("/", "~1")
                    : String.valueOf(reference.getIndex()));
        }
        return pointer.toString();
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static ResponseEntity<Object> asObject(ResponseEntity<ProblemDetail> response) {
        return (ResponseEntity) response;
    }
}
