package io.xinference.hub.command.definition;

import io.xinference.hub.events.ClientCompatibility;

import java.util.List;

/** What the hub thinks of a definition: every violation, and which Xinference clients can load it. */
public record DefinitionCheck(List<Violation> violations, ClientCompatibility compatibility) {

    public DefinitionCheck {
        violations = List.copyOf(violations);
    }

    public boolean valid() {
        return violations.isEmpty();
    }
}
