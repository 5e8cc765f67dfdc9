package io.xinference.hub.command.model;

import io.xinference.hub.command.definition.InvalidDefinitionException;
import io.xinference.hub.command.definition.Violation;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;

import java.util.List;
import java.util.Optional;

/**
 * A refused command in a form that survives a distributed command bus. Through Axon Server only a
 * {@link CommandExecutionException}'s message and details travel, not the exception thrown by the aggregate; these
 * details let the web layer rebuild it and answer with the same precise status as in a single process.
 *
 * @param kind a {@link ModelRuleViolation.Refusal} name, {@code STALE_VERSION} or {@code INVALID_DEFINITION}
 */
public record CommandRefusal(String kind, String message, String pointer, Long currentVersion,
                             List<Violation> violations) {

    static final String STALE_VERSION = "STALE_VERSION";
    static final String INVALID_DEFINITION = "INVALID_DEFINITION";

    /** The details for a refusal of the hub's rules, or empty for any other failure. */
    public static Optional<CommandRefusal> of(Throwable failure) {
        if (failure instanceof ModelRuleViolation violation) {
            return Optional.of(new CommandRefusal(violation.refusal().name(), violation.getMessage(),
                    violation.pointer(), null, List.of()));
        }
        if (failure instanceof StaleVersionException stale) {
            return Optional.of(new CommandRefusal(STALE_VERSION, stale.getMessage(), null, stale.currentVersion(),
                    List.of()));
        }
        if (failure instanceof InvalidDefinitionException invalid) {
            return Optional.of(new CommandRefusal(INVALID_DEFINITION, invalid.getMessage(), null, null,
                    invalid.violations()));
        }
        if (failure instanceof AggregateNotFoundException notFound) {
            return Optional.of(new CommandRefusal(ModelRuleViolation.Refusal.NOT_VISIBLE.name(),
                    "no model with id " + notFound.getAggregateIdentifier(), null, null, List.of()));
        }
        return Optional.empty();
    }

    /**
     * What the aggregate threw, from the exception that reached the caller: the cause in a single process, rebuilt
     * from the details after a distributed command bus; empty when it was not a refusal of the rules.
     */
    public static Optional<RuntimeException> original(CommandExecutionException failure) {
        if (failure.getCause() instanceof RuntimeException cause && of(cause).isPresent()) {
            return Optional.of(cause);
        }
        return failure.<Object>getDetails()
                .filter(CommandRefusal.class::isInstance)
                .map(details -> ((CommandRefusal) details).toException());
    }

    RuntimeException toException() {
        return switch (kind) {
            case STALE_VERSION -> new StaleVersionException(-1, currentVersion, message);
            case INVALID_DEFINITION -> new InvalidDefinitionException(violations);
            default -> new ModelRuleViolation(ModelRuleViolation.Refusal.valueOf(kind), message, pointer);
        };
    }
}
