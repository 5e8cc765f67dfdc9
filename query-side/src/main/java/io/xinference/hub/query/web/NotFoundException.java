package io.xinference.hub.query.web;

/** Nothing the caller may see answers to this id or name: 404. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
