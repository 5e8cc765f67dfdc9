package io.xinference.hub.query.catalogue;

import java.util.regex.Pattern;

/**
 * A model's description when its definition has none: the README's first paragraph of prose, as plain text.
 * Front matter, headings, lists, tables, quotes, code, images and HTML are skipped (a model card usually opens with
 * them); links keep their text; at most {@link #MAX_LENGTH} characters, cut at a word.
 */
final class ReadmeSummary {

    static final int MAX_LENGTH = 240;
    private static final Pattern SKIPPED = Pattern.compile("^\\s*(#|[-*+]\\s|\\d+[.)]\\s|\\||>|<|!\\[|```|~~~|\\[!\\[|=+$|-+$).*");
    private static final Pattern IMAGE = Pattern.compile("!\\[[^]]*]\\([^)]*\\)");
    private static final Pattern LINK = Pattern.compile("\\[([^]]*)]\\([^)]*\\)");
    private static final Pattern EMPHASIS = Pattern.compile("[*_`]{1,3}");

    private ReadmeSummary() {
    }

    static String of(String readme) {
        if (readme == null || readme.isBlank()) {
            return null;
        }
        String[] lines = readme.replace("\r\n", "\n").split("\n");
        int i = 0;
        if (lines.length > 0 && lines[0].strip().equals("---")) {
            // YAML front matter of a Hugging Face model card
            i = 1;
            while (i < lines.length && !lines[i].strip().equals("---")) {
                i++;
            }
            i++;
        }
        boolean inCode = false;
        StringBuilder paragraph = new StringBuilder();
        for (; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.startsWith("```") || line.startsWith("~~~")) {
                inCode = !inCode;
                continue;
            }
            if (inCode) {
                continue;
            }
            if (line.isEmpty() || SKIPPED.matcher(line).matches()) {
                if (!paragraph.isEmpty()) {
                    break;
                }
                continue;
            }
            paragraph.append(paragraph.isEmpty() ? "" : " ").append(line);
        }
        String text = EMPHASIS.matcher(LINK.matcher(IMAGE.matcher(paragraph).replaceAll("")).replaceAll("$1"))
                .replaceAll("").replaceAll("\\s+", " ").strip();
        if (text.isEmpty()) {
            return null;
        }
        if (text.length() <= MAX_LENGTH) {
            return text;
        }
        int cut = text.lastIndexOf(' ', MAX_LENGTH - 1);
        return text.substring(0, cut > 0 ? cut : MAX_LENGTH - 1) + "…";
    }
}
