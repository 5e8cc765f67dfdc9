package io.xinference.hub.command.definition;

/**
 * One thing wrong with a request, located by an RFC 6901 JSON pointer relative to the document it was found in
 * (the definition, or the request body once the web layer prefixes it).
 */
public record Violation(String pointer, String message) {

    /** The same violation located inside {@code parentPointer} (e.g. {@code /definition}). */
    public Violation under(String parentPointer) {
        return new Violation(parentPointer + pointer, message);
    }
}
