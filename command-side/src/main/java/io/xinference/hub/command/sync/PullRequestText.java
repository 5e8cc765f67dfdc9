package io.xinference.hub.command.sync;

import io.xinference.hub.events.ModelType;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/** Branch, commit message, title and body of a sync pull request, exactly as the live hub writes them. */
public final class PullRequestText {

    private PullRequestText() {
    }

    public static String branch(String modelName) {
        return "chore/models-sync/" + slug(modelName);
    }

    /**
     * Model names are unique ignoring case and use {@code [A-Za-z0-9._-]}, so lower case keeps them apart. The
     * rare name git refuses in a ref ({@code ..}, a leading or trailing dot, a {@code .lock} ending) is rewritten
     * and gets a short hash of the real name, so two such names never share a branch.
     */
    static String slug(String modelName) {
        String lowerCase = modelName.toLowerCase(Locale.ROOT);
        String slug = lowerCase
                .replaceAll("[^a-z0-9._-]+", "-")
                .replaceAll("\\.{2,}", "-")
                .replaceAll("^[.-]+|[.]+$", "");
        if (slug.endsWith(".lock")) {
            slug = slug + "-";
        }
        if (slug.isEmpty()) {
            slug = "model";
        }
        return slug.equals(lowerCase) ? slug : slug + "-" + shortHash(modelName);
    }

    private static String shortHash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    public static String commitMessage(ModelType type, String modelName) {
        return "[models-hub] Update " + type.wire() + ":" + modelName;
    }

    public static String title(String modelName, boolean newModel) {
        return newModel ? "FEAT: [model] " + modelName + " support" : "ENH: update model \"" + modelName + "\" JSON";
    }

    public static String body(String modelName, ModelType type, String login) {
        return "Automated sync for model \"" + modelName + "\" (" + type.wire() + ") by user " + login + ".";
    }
}
