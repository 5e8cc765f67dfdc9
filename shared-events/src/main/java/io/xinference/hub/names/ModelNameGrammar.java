package io.xinference.hub.names;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one grammar of model names, shared by registration (command side), the Xinference API (query side) and the
 * web UI's registration form (which carries {@link #PATTERN} verbatim; {@code ModelNameGrammarTest} holds them
 * equal).
 * <p>
 * Why this rule: Xinference joins {@code model_name} into file paths ({@code <XINFERENCE_HOME>/cache/<model_name>},
 * its registration and model-update caches) and passes it on its command line ({@code xinference launch -n NAME});
 * it refuses only {@code + / ? % # & =} and white space itself. The hub keeps to a stricter, portable subset:
 * ASCII letters, digits, {@code .}, {@code _} and {@code -}, at most {@value #MAX_LENGTH} characters, and the first
 * character a letter or digit. That first-character rule is what keeps out every name that is a path segment
 * ({@code .}, {@code ..}, {@code ...}), a hidden file ({@code .cache}) or looks like a command-line option
 * ({@code -rf}): such names were once registered and could then not be opened by URL ("URL not normalized").
 */
public final class ModelNameGrammar {

    public static final int MAX_LENGTH = 200;

    /**
     * The rule as a regular expression that reads the same in Java ({@code matches}) and in an HTML {@code pattern}
     * attribute (anchored, {@code v} flag: hence the escaped {@code -}).
     */
    public static final String PATTERN = "[A-Za-z0-9][A-Za-z0-9._\\-]{0," + (MAX_LENGTH - 1) + "}";

    /** The rule in words, as every refusal states it. */
    public static final String RULE = "a model name is 1 to " + MAX_LENGTH + " characters of ASCII letters, digits,"
            + " '.', '_' and '-', starting with a letter or digit (so never '.', '..' or a path)";

    private static final Pattern COMPILED = Pattern.compile(PATTERN);

    private ModelNameGrammar() {
    }

    public static boolean isValid(String name) {
        return name != null && COMPILED.matcher(name).matches();
    }

    /** @return the rule when the name breaks it, else empty */
    public static Optional<String> problemWith(String name) {
        return isValid(name) ? Optional.empty() : Optional.of(RULE);
    }
}
