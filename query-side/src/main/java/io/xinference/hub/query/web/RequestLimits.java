package io.xinference.hub.query.web;

/** Caps on what one request may ask for (OWASP API4: unrestricted resource consumption). */
public final class RequestLimits {

    public static final int MAX_QUERY_LENGTH = 200;
    public static final int MAX_PAGE_SIZE = 100;
    public static final int DEFAULT_PAGE_SIZE = 20;
    public static final int MAX_FILTER_VALUES = 20;

    private RequestLimits() {
    }

    public static int pageSize(Integer requested) {
        if (requested == null) {
            return DEFAULT_PAGE_SIZE;
        }
        if (requested < 1 || requested > MAX_PAGE_SIZE) {
            throw new BadRequestException("size", "size must be between 1 and " + MAX_PAGE_SIZE);
        }
        return requested;
    }

    public static String query(String q, String parameter) {
        if (q == null || q.isBlank()) {
            return null;
        }
        if (q.length() > MAX_QUERY_LENGTH) {
            throw new BadRequestException(parameter, parameter + " must be at most " + MAX_QUERY_LENGTH + " characters");
        }
        return q.strip();
    }
}
