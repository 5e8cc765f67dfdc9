package io.xinference.hub.command.web;

/** An If-Match header that names no version this API ever sent (answered 400). */
public class InvalidIfMatchException extends RuntimeException {

    public InvalidIfMatchException(String header) {
        super("If-Match must be the ETag of the model's version, like \"3\", or *; got " + header);
    }
}
