package io.xinference.hub.command.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.xinference.hub.command.definition.Violation;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** Size limits per field, so an oversized definition or README is refused with its pointer (413). */
@Component
public class RequestLimits {

    private final DataSize definition;
    private final DataSize readme;
    private final DataSize feedback;

    public RequestLimits(@Value("${hub.limits.definition:256KB}") DataSize definition,
                         @Value("${hub.limits.readme:128KB}") DataSize readme,
                         @Value("${hub.limits.feedback:8KB}") DataSize feedback) {
        this.definition = definition;
        this.readme = readme;
        this.feedback = feedback;
    }

    public void checkDefinition(JsonNode value) throws RequestBodyTooLargeException {
        if (value != null) {
            check("/definition", value.toString(), definition);
        }
    }

    public void checkReadme(String value) throws RequestBodyTooLargeException {
        check("/readme", value, readme);
    }

    public void checkFeedback(String value) throws RequestBodyTooLargeException {
        check("/feedback", value, feedback);
    }

    private static void check(String pointer, String value, DataSize limit) throws RequestBodyTooLargeException {
        if (value != null && value.getBytes(StandardCharsets.UTF_8).length > limit.toBytes()) {
            String message = "at most " + limit.toKilobytes() + " KB (UTF-8)";
            throw new RequestBodyTooLargeException(pointer.substring(1) + " is too large: " + message,
                    List.of(new Violation(pointer, message)));
        }
    }
}
