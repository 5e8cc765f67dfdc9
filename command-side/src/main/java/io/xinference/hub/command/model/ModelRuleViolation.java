package io.xinference.hub.command.model;

/**
 * A command refused by a rule of the hub. The {@link Refusal} says which kind of rule, so the web layer can answer
 * with the precise status without knowing the rules.
 */
public class ModelRuleViolation extends RuntimeException {

    public enum Refusal {
        /** The caller may not know the model exists (404). */
        NOT_VISIBLE,
        /** The caller sees the model but lacks the permission or role for this change (403). */
        NOT_PERMITTED,
        /** The change does not fit the model's current state, e.g. approving a draft (409). */
        WRONG_STATE,
        /** Another model that is not deleted already has this name, in any letter case (409). */
        NAME_TAKEN,
        /** A well-formed value the rules do not accept, e.g. blank feedback or a past expiration date (422). */
        UNACCEPTABLE_VALUE
    }

    private final Refusal refusal;
    private final String pointer;

    public ModelRuleViolation(Refusal refusal, String message) {
        this(refusal, message, null);
    }

    /** @param pointer the JSON pointer of the request field at fault, for {@link Refusal#UNACCEPTABLE_VALUE} */
    public ModelRuleViolation(Refusal refusal, String message, String pointer) {
        super(message);
        this.refusal = refusal;
        this.pointer = pointer;
    }

    public Refusal refusal() {
        return refusal;
    }

    public String pointer() {
        return pointer;
    }
}
