package io.xinference.hub.query.web;

/** Bad input, answered 400 with {@code errors: [{pointer, message}]}; {@code pointer} names the parameter. */
public class BadRequestException extends RuntimeException {

    private final String pointer;

    public BadRequestException(String pointer, String message) {
        super(message);
        this.pointer = pointer;
    }

    public String pointer() {
        return pointer;
    }
}
