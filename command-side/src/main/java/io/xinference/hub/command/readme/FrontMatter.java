package io.xinference.hub.command.readme;

/**
 * Model cards start with YAML front matter (license, tags, model-index) between {@code ---} lines; it is
 * metadata for the hub's pages, not text for readers.
 */
public final class FrontMatter {

    private FrontMatter() {
    }

    /** The markdown without a leading front matter block; text without a closed block is returned as is. */
    public static String strip(String markdown) {
        String text = markdown.startsWith("\uFEFF") ? markdown.substring(1) : markdown;
        String[] lines = text.split("\n", -1);
        if (lines.length == 0 || !isFence(lines[0], false)) {
            return text;
        }
        for (int i = 1; i < lines.length; i++) {
            if (isFence(lines[i], true)) {
                StringBuilder rest = new StringBuilder();
                for (int j = i + 1; j < lines.length; j++) {
                    rest.append(lines[j]);
                    if (j < lines.length - 1) {
                        rest.append('\n');
                    }
                }
                return rest.toString().replaceFirst("^(\\s*\\r?\\n)+", "");
            }
        }
        return text;
    }

    private static boolean isFence(String line, boolean closing) {
        String trimmed = line.stripTrailing();
        return trimmed.equals("---") || (closing && trimmed.equals("..."));
    }
}
