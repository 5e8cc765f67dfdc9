package io.xinference.hub.platform.web;

import java.util.function.Predicate;

/**
 * Spring Security's character rules for header names, header values and parameter names — every character
 * assigned in Unicode, none a control character (a tab allowed in header values) — checked by a loop over the
 * code points instead of its regular expressions ({@code [\p{IsAssigned}&&[^\p{IsControl}]]*}, and
 * {@code [\p{IsAssigned}&&[[^\p{IsControl}]||\t]]*} for values). Same answer for every string (an assigned
 * character of the "control" category is exactly an ISO control character), but the expression cost about a
 * fifth of command-side's CPU in a profile under load: each request's 1.4 KB bearer token was matched character
 * by character against Unicode property classes on every read of the Authorization header.
 */
public final class PrintableText implements Predicate<String> {

    /** Header names and parameter names. */
    public static final PrintableText NAMES = new PrintableText(false);
    /** Header values, which may also contain tabs. */
    public static final PrintableText HEADER_VALUES = new PrintableText(true);

    private final boolean tabAllowed;

    private PrintableText(boolean tabAllowed) {
        this.tabAllowed = tabAllowed;
    }

    @Override
    public boolean test(String text) {
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            boolean control = Character.isISOControl(codePoint) && !(tabAllowed && codePoint == '\t');
            if (!Character.isDefined(codePoint) || control) {
                return false;
            }
            i += Character.charCount(codePoint);
        }
        return true;
    }
}
