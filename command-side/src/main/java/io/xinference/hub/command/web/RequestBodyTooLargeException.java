package io.xinference.hub.command.web;

import io.xinference.hub.command.definition.Violation;

import java.io.IOException;
import java.util.List;

/**
 * A request body, or one field of it, over its size limit (answered 413). An {@link IOException} so it can
 * surface from inside a request body stream while Jackson reads it.
 */
public class RequestBodyTooLargeException extends IOException {

    private final transient List<Violation> violations;

    public RequestBodyTooLargeException(String message, List<Violation> violations) {
        super(message);
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
