package io.xinference.hub.command.web;

/** A request header with a value this API does not take (answered 400). */
public class InvalidRequestHeaderException extends RuntimeException {

    public InvalidRequestHeaderException(String message) {
        super(message);
    }
}
