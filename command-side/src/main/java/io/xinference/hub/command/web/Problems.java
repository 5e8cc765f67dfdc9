package io.xinference.hub.command.web;

import io.xinference.hub.command.definition.Violation;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import java.net.URI;
import java.util.List;
import java.util.Map;

/** RFC 9457 problem details as this API writes them: a type per kind of problem, and {@code errors} with pointers. */
public final class Problems {

    private static final String TYPE_PREFIX = "urn:models-hub:problem:";

    private Problems() {
    }

    public static ProblemDetail of(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_PREFIX + type));
        problem.setTitle(title);
        return problem;
    }

    public static ProblemDetail withErrors(ProblemDetail problem, List<Violation> violations) {
        problem.setProperty("errors", violations.stream()
                .map(violation -> Map.of("pointer", violation.pointer(), "message", violation.message()))
                .toList());
        return problem;
    }
}
