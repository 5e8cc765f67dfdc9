package io.xinference.hub.command.registration;

import io.xinference.hub.command.definition.DefinitionValidator;
import io.xinference.hub.command.model.ModelChanged;
import io.xinference.hub.command.model.RegisterModel;
import io.xinference.hub.devstack.Fixtures;
import io.xinference.hub.events.ModelStatus;
import io.xinference.hub.events.ModelType;
import io.xinference.hub.events.Visibility;
import io.xinference.hub.events.registry.ModelNameClaimed;
import io.xinference.hub.events.registry.RegistrationKeyUsed;
import io.xinference.hub.security.CurrentUser;
import io.xinference.hub.security.HubPermission;
import org.axonframework.axonserver.connector.command.AxonServerRemoteCommandHandlingException;
import org.axonframework.axonserver.connector.util.ExceptionSerializer;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionOperations;

import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

/**
 * The registration's guarantees as Axon Server mode delivers its failures (no Axon Server runs here: the
 * exceptions are built with the connector's own types, as it builds them). The command that lost the race for a
 * name or a key was handled, perhaps on another instance, and refused by the store; this instance sees a
 * {@link CommandExecutionException} around the connector's {@link AxonServerRemoteCommandHandlingException}, whose
 * descriptions name the store's exception. It sends the registration once more, and then finds the key's stored
 * answer (replayed) or the name taken.
 */
class AxonServerRegistrationTest {

    private static final CurrentUser ALICE = new CurrentUser("alice-subject", "alice",
            Set.of(HubPermission.REGISTER_PRIVATE));

    private final EmbeddedEventStore store = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine()).build();
    private final CommandGateway commands = mock(CommandGateway.class);
    private final Registrations registrations = new Registrations(commands, new RegistryReads(store),
            new DefinitionValidator(), TransactionOperations.withoutTransaction());

    @Test
    void theConnectorsRemoteExceptionCarriesOnlyMessagesSoTheStoreDecidesNotTheExceptionType() {
        assertThat(EventStoreRaces.lost(new AggregateStreamCreationException("Cannot reuse aggregate identifier")))
                .as("handled on this instance").isTrue();
        assertThat(EventStoreRaces.lost(new CommandExecutionException("wrapped", new ConcurrencyException("AXONIQ-2000"))))
                .as("handled on this instance").isTrue();
        assertThat(EventStoreRaces.lost(remotely(new ConcurrencyException("AXONIQ-2000 invalid sequence"))))
                .as("handled on another instance: no exception type to go by").isFalse();
    }

    @Test
    void aRetryThatLostTheRaceForItsKeyGetsTheFirstAnswerReplayed() {
        RegisterModel command = registration();
        String keyId = RegistrationKeyAggregate.idOf(ALICE.subject(), "key-1");
        // the first request with this key is stored while this one is handled elsewhere and refused by the store
        doAnswer(invocation -> {
            store.publish(new GenericDomainEventMessage<>("RegistrationKeyAggregate", keyId, 0,
                    new RegistrationKeyUsed(keyId, "hash-1", "first-model", command.modelName(), ModelStatus.APPROVED)));
            throw remotely(new AggregateStreamCreationException("Cannot reuse aggregate identifier"));
        }).when(commands).sendAndWait(any());

        RegistrationOutcome outcome = registrations.register(command, "key-1", "hash-1");

        assertThat(outcome.replayed()).isTrue();
        assertThat(outcome.answer().modelId()).isEqualTo("first-model");
        assertThat(outcome.answer().version()).isZero();
        verify(commands, times(1)).sendAndWait(any());
    }

    @Test
    void aRetryWithTheKeyOfADifferentRequestIsRefusedEvenAfterLosingTheRace() {
        RegisterModel command = registration();
        String keyId = RegistrationKeyAggregate.idOf(ALICE.subject(), "key-2");
        doAnswer(invocation -> {
            store.publish(new GenericDomainEventMessage<>("RegistrationKeyAggregate", keyId, 0,
                    new RegistrationKeyUsed(keyId, "another-request", "first-model", "x", ModelStatus.APPROVED)));
            throw remotely(new AggregateStreamCreationException("Cannot reuse aggregate identifier"));
        }).when(commands).sendAndWait(any());

        assertThat(catchThrowable(() -> registrations.register(command, "key-2", "hash-2")))
                .isInstanceOf(IdempotencyKeyReusedException.class);
    }

    @Test
    void aRegistrationThatLostTheRaceForItsNameOnAnotherInstanceIsSentOnceMoreAndThenGetsTheStoresAnswer() {
        RegisterModel command = registration();
        String nameKey = ModelNameAggregate.idOf(command.modelName());
        RuntimeException nameTaken = new IllegalStateException("name taken (the refusal of the second attempt)");
        int[] calls = {0};
        doAnswer(invocation -> {
            if (calls[0]++ == 0) {
                // the other registration of this name is stored while this one's append is refused
                store.publish(new GenericDomainEventMessage<>("ModelNameAggregate", nameKey, 0,
                        new ModelNameClaimed(nameKey, command.modelName(), "the-other-model")));
                throw remotely(new ConcurrencyException("AXONIQ-2000 invalid sequence for " + nameKey));
            }
            throw nameTaken;
        }).when(commands).sendAndWait(any());

        assertThat(catchThrowable(() -> registrations.register(command, null, null))).isSameAs(nameTaken);
        verify(commands, times(2)).sendAndWait(any());
    }

    @Test
    void aRemoteFailureWithNothingTakenInTheStoreIsNotSentAgain() {
        RegisterModel command = registration();
        CommandExecutionException failure = remotely(new IllegalStateException("boom"));
        doAnswer(invocation -> {
            throw failure;
        }).when(commands).sendAndWait(any());

        assertThat(catchThrowable(() -> registrations.register(command, "key-4", "hash-4"))).isSameAs(failure);
        verify(commands, times(1)).sendAndWait(any());
    }

    @Test
    void anUnreachableStoreIsNotAskedWhoWonSoTheCallerHearsAt503AtOnce() {
        RegistryReads reads = mock(RegistryReads.class);
        Registrations withReads = new Registrations(commands, reads, new DefinitionValidator(),
                TransactionOperations.withoutTransaction());
        RuntimeException down = new IllegalStateException("no connection",
                new java.sql.SQLTransientConnectionException("Connection is not available, request timed out"));
        doAnswer(invocation -> {
            throw down;
        }).when(commands).sendAndWait(any());

        assertThat(catchThrowable(() -> withReads.register(registration(), null, null))).isSameAs(down);
        verify(commands, times(1)).sendAndWait(any());
        // each read would wait the pool's connection timeout again (PostgresRestartIT saw 15 s instead of 5)
        org.mockito.Mockito.verifyNoInteractions(reads);
    }

    @Test
    void anyOtherFailureIsNotSentAgain() {
        RegisterModel command = registration();
        RuntimeException down = new IllegalStateException("AXONIQ-4003 no connection");
        doAnswer(invocation -> {
            throw down;
        }).when(commands).sendAndWait(any());

        assertThat(catchThrowable(() -> registrations.register(command, "key-3", "hash-3"))).isSameAs(down);
        verify(commands, times(1)).sendAndWait(any());
    }

    private static RegisterModel registration() {
        var definition = Fixtures.definition("llm");
        definition.put("model_name", "axon-server-" + UUID.randomUUID());
        return new RegisterModel(UUID.randomUUID().toString(), ModelType.LLM, Visibility.PRIVATE, definition, "# r",
                null, ALICE);
    }

    /** What the dispatching instance gets when the handling instance's command failed with {@code failure}. */
    private static CommandExecutionException remotely(Throwable failure) {
        AxonServerRemoteCommandHandlingException remote = new AxonServerRemoteCommandHandlingException("AXONIQ-4002",
                ExceptionSerializer.serialize("command-side-2", failure));
        return new CommandExecutionException(remote.getMessage(), remote);
    }
}
