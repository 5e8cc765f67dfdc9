package io.xinference.hub.command.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.xinference.hub.command.definition.InvalidDefinitionException;
import io.xinference.hub.command.definition.Violation;
import io.xinference.hub.command.model.ModelRuleViolation.Refusal;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Refusals keep their meaning when only a message and serialized details cross the command bus. */
class CommandRefusalTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void ruleViolationIsRebuiltFromItsDetails() throws Exception {
        RuntimeException rebuilt = acrossTheWire(new ModelRuleViolation(Refusal.UNACCEPTABLE_VALUE, "blank", "/feedback"));

        assertThat(rebuilt).isInstanceOfSatisfying(ModelRuleViolation.class, violation -> {
            assertThat(violation.refusal()).isEqualTo(Refusal.UNACCEPTABLE_VALUE);
            assertThat(violation.pointer()).isEqualTo("/feedback");
            assertThat(violation.getMessage()).isEqualTo("blank");
        });
    }

    @Test
    void staleVersionKeepsTheCurrentVersion() throws Exception {
        RuntimeException rebuilt = acrossTheWire(new StaleVersionException(1, 4));

        assertThat(rebuilt).isInstanceOfSatisfying(StaleVersionException.class,
                stale -> assertThat(stale.currentVersion()).isEqualTo(4));
    }

    @Test
    void invalidDefinitionKeepsEveryViolation() throws Exception {
        List<Violation> violations = List.of(new Violation("/model_lang", "missing"), new Violation("/version", "2"));

        RuntimeException rebuilt = acrossTheWire(new InvalidDefinitionException(violations));

        assertThat(rebuilt).isInstanceOfSatisfying(InvalidDefinitionException.class,
                invalid -> assertThat(invalid.violations()).isEqualTo(violations));
    }

    @Test
    void unknownModelBecomesNotVisible() throws Exception {
        RuntimeException rebuilt = acrossTheWire(new AggregateNotFoundException("m-9", "not found"));

        assertThat(rebuilt).isInstanceOfSatisfying(ModelRuleViolation.class,
                violation -> assertThat(violation.refusal()).isEqualTo(Refusal.NOT_VISIBLE));
    }

    @Test
    void inOneProcessTheOriginalExceptionIsUsedAsIs() {
        ModelRuleViolation thrown = new ModelRuleViolation(Refusal.NAME_TAKEN, "taken");

        assertThat(CommandRefusal.original(new CommandExecutionException("taken", thrown,
                CommandRefusal.of(thrown).orElseThrow()))).containsSame(thrown);
    }

    @Test
    void otherFailuresAreNotRefusals() {
        assertThat(CommandRefusal.of(new IllegalStateException("boom"))).isEmpty();
        assertThat(CommandRefusal.original(new CommandExecutionException("boom", null, null))).isEmpty();
    }

    /** What the caller's side sees through Axon Server: no cause, details deserialized from JSON. */
    private static RuntimeException acrossTheWire(RuntimeException thrown) throws Exception {
        CommandRefusal details = CommandRefusal.of(thrown).orElseThrow();
        CommandRefusal received = JSON.readValue(JSON.writeValueAsString(details), CommandRefusal.class);
        return CommandRefusal.original(new CommandExecutionException(thrown.getMessage(), null, received)).orElseThrow();
    }
}
