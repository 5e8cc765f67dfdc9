package io.xinference.hub.query.catalogue;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The words inside a model name, the one rule for both indexing ({@code nameWords} of the catalogue document) and
 * querying: a name splits on {@code -}, {@code _}, {@code .} and anything not a letter or digit, between letters and
 * digits, and at camel case ({@code CosyVoice2-0.5B} → cosy, voice, 2, 0, 5, b). Letter words that were one token
 * are also kept joined ({@code cosyvoice}), so typing the run-together form finds the name too. All lower case.
 *
 * <p>Done here rather than by an Elasticsearch analyzer because the hub's test and dev Elasticsearch (the
 * integ-test distribution from Maven Central) has no analysis-common module: no word_delimiter or n-gram filters.
 */
public final class NameWords {

    private NameWords() {
    }

    /** The indexed words of a name: its parts and its joined letter runs, no duplicates. */
    public static List<String> of(String name) {
        Set<String> words = new LinkedHashSet<>();
        if (name == null) {
            return List.of();
        }
        for (String token : name.split("[^\\p{L}\\p{N}]+")) {
            List<String> parts = parts(token);
            words.addAll(parts);
            StringBuilder letters = new StringBuilder();
            int joined = 0;
            for (String part : parts) {
                if (Character.isLetter(part.charAt(0))) {
                    letters.append(part);
                    joined++;
                } else {
                    if (joined > 1) words.add(letters.toString());
                    letters.setLength(0);
                    joined = 0;
                }
            }
            if (joined > 1) words.add(letters.toString());
        }
        return List.copyOf(words);
    }

    /** The parts of a typed word, in order, the same split as names (no joined forms). */
    public static List<String> split(String text) {
        List<String> parts = new ArrayList<>();
        if (text == null) {
            return parts;
        }
        for (String token : text.split("[^\\p{L}\\p{N}]+")) {
            parts.addAll(parts(token));
        }
        return parts;
    }

    /** Where each part of {@code name} starts and ends, for highlighting: pairs of [start, end). */
    static List<int[]> spans(String name) {
        List<int[]> spans = new ArrayList<>();
        int i = 0;
        while (i < name.length()) {
            if (!Character.isLetterOrDigit(name.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            i++;
            while (i < name.length() && Character.isLetterOrDigit(name.charAt(i)) && !boundary(name, i)) {
                i++;
            }
            spans.add(new int[] {start, i});
        }
        return spans;
    }

    private static List<String> parts(String token) {
        List<String> parts = new ArrayList<>();
        for (int[] span : spans(token)) {
            parts.add(token.substring(span[0], span[1]).toLowerCase(Locale.ROOT));
        }
        return parts;
    }

    /** A new part starts at {@code i}: letter↔digit, lower→Upper, or the last capital of a run before lower case. */
    private static boolean boundary(String s, int i) {
        char previous = s.charAt(i - 1);
        char current = s.charAt(i);
        if (Character.isDigit(previous) != Character.isDigit(current)) {
            return true;
        }
        if (Character.isLowerCase(previous) && Character.isUpperCase(current)) {
            return true;
        }
        return Character.isUpperCase(previous) && Character.isUpperCase(current) && i + 1 < s.length()
                && Character.isLowerCase(s.charAt(i + 1));
    }
}
