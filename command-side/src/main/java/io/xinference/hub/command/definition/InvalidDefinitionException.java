package io.xinference.hub.command.definition;

import java.util.List;

/** A definition broke the rules of its model type; carries every violation, each with its JSON pointer. */
public class InvalidDefinitionException extends RuntimeException {

    private final List<Violation> violations;

    public InvalidDefinitionException(List<Violation> violations) {
        super("The definition is not valid: " + violations.size() + " violation(s)");
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
