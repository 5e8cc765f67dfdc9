package io.xinference.hub.command.sync;

import io.xinference.hub.events.ModelType;

import java.util.Locale;

/** Branch, commit message, title and body of a sync pull request, exactly as the live hub writes them. */
public final class PullRequestText {

    private PullRequestText() {
    }

    public static String branch(String modelName) {
        return "chore/models-sync/" + slug(modelName);
    }

    /**
     * Model names are unique ignoring case and use {@code [A-Za-z0-9._-]}, so lower case keeps them apart; only
     * what git refuses in a ref ({@code ..}, a leading or trailing dot, a {@code .lock} ending) is rewritten.
     */
    static String slug(String modelName) {
        String slug = modelName.toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9._-]+", "-")
                .replaceAll("\\.{2,}", "-")
                .replaceAll("^[.-]+|[.]+$", "");
        if (slug.endsWith(".lock")) {
            slug = slug + "-";
        }
        return slug.isEmpty() ? "model" : slug;
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
