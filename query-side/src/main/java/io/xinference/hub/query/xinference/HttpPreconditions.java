package io.xinference.hub.query.xinference;

import java.util.Arrays;

/** The two request headers the download honours, parsed by their RFC 9110 rules (enough of them). */
final class HttpPreconditions {

    private HttpPreconditions() {
    }

    /** {@code If-None-Match} matches when it is {@code *} or lists one of the tags (weak comparison). */
    static boolean noneMatchHits(String ifNoneMatch, String... etags) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.equals("*")) {
                return true;
            }
            String opaque = tag.startsWith("W/") ? tag.substring(2) : tag;
            if (Arrays.stream(etags).anyMatch(opaque::equals)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code Accept-Encoding} accepts gzip (present, and not with {@code q=0}). */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String part : acceptEncoding.split(",")) {
            String[] pieces = part.strip().split(";");
            String coding = pieces[0].strip().toLowerCase();
            if (!coding.equals("gzip") && !coding.equals("x-gzip")) {
                continue;
            }
            for (int i = 1; i < pieces.length; i++) {
                String parameter = pieces[i].strip().replace(" ", "");
                if (parameter.startsWith("q=")) {
                    try {
                        return Double.parseDouble(parameter.substring(2)) > 0;
                    } catch (NumberFormatException e) {
                        return false;
                    }
                }
            }
            return true;
        }
        return false;
    }
}
