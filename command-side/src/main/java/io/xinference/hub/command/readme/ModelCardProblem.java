package io.xinference.hub.command.readme;

/** Why no model card could be returned; each kind is one HTTP answer. */
public class ModelCardProblem extends RuntimeException {

    public enum Kind {
        /** The request names no valid hub, model id or revision: 400. */
        INVALID_REQUEST,
        /** The hub answered that the repository or its README does not exist: 404. */
        NOT_FOUND,
        /** The hub failed, timed out or could not be reached: 502. */
        UPSTREAM_FAILED
    }

    private final Kind kind;

    public ModelCardProblem(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
