package io.xinference.hub.command.web;

import io.xinference.hub.command.model.ModelChanged;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The model's version on the wire: {@code ETag: "<version>"} on answers, {@code If-Match} on changes. */
public final class ModelVersions {

    /** One strong entity tag, quoted as RFC 9110 says; the bare number is accepted for hand-written calls. */
    private static final Pattern ENTITY_TAG = Pattern.compile("\\s*\"?(\\d{1,18})\"?\\s*");

    private ModelVersions() {
    }

    /** The version the caller expects, or null when it sent no If-Match (or {@code *}): no check then. */
    public static Long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        Matcher matcher = ENTITY_TAG.matcher(ifMatch);
        if (!matcher.matches()) {
            throw new InvalidIfMatchException(ifMatch);
        }
        return Long.parseLong(matcher.group(1));
    }

    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    public static ResponseEntity<ModelChanged> answer(HttpStatus status, ModelChanged changed) {
        return ResponseEntity.status(status).header(HttpHeaders.ETAG, etag(changed.version())).body(changed);
    }
}
