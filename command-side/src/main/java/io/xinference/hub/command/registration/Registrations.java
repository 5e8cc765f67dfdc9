package io.xinference.hub.command.registration;

import io.xinference.hub.command.definition.DefinitionValidator;
import io.xinference.hub.command.model.ModelChanged;
import io.xinference.hub.command.model.ModelPolicy;
import io.xinference.hub.command.model.RegisterModel;
import io.xinference.hub.command.web.StoreUnavailable;
import io.xinference.hub.events.ClientCompatibility;
import io.xinference.hub.events.registry.RegistrationKeyUsed;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

import java.util.Optional;

/**
 * Registers models, once per Idempotency-Key, with every guarantee kept by the event store: the name claim
 * ({@link ModelNameAggregate}), the key's receipt ({@link RegistrationKeyAggregate}) and {@code ModelRegistered}
 * are appended in the command's one unit of work, so they are stored together or not at all, with PostgreSQL and
 * with Axon Server. Two requests racing for one name or one key both append the same aggregate's next event; the
 * store refuses the second, and its request is sent again once: it then finds the name taken (409) or the key's
 * stored answer (replayed). A refusal for any other reason (a rule, a name taken before) is not sent again unless
 * the store shows the key or the name taken since.
 */
@Service
class Registrations {

    /** The first attempt, and once more after losing a race in the event store. */
    private static final int ATTEMPTS = 2;

    private final CommandGateway commands;
    private final RegistryReads store;
    private final DefinitionValidator validator;
    private final TransactionOperations transactions;

    Registrations(CommandGateway commands, RegistryReads store, DefinitionValidator validator,
                  TransactionOperations transactions) {
        this.commands = commands;
        this.store = store;
        this.validator = validator;
        this.transactions = transactions;
    }

    public RegistrationOutcome register(RegisterModel command, String idempotencyKey, String requestHash) {
        String keyId = idempotencyKey == null ? null
                : RegistrationKeyAggregate.idOf(command.caller().subject(), idempotencyKey);
        for (int attempt = 1; ; attempt++) {
            try {
                // the key's look-up and the command share one transaction (with PostgreSQL: one per registration)
                return transactions.execute(tx -> attempt(command, keyId, requestHash));
            } catch (IdempotencyKeyReusedException refused) {
                throw refused;
            } catch (RuntimeException failure) {
                // an unreachable store is no race, and asking it who won would wait for a connection again
                if (attempt >= ATTEMPTS || StoreUnavailable.isCause(failure) || !lostARace(failure, command, keyId)) {
                    throw failure;
                }
            }
        }
    }

    private RegistrationOutcome attempt(RegisterModel command, String keyId, String requestHash) {
        Optional<RegistrationKeyUsed> first = keyId == null ? Optional.empty() : store.key(keyId);
        if (first.isPresent()) {
            return replay(first.get(), requestHash, command);
        }
        return new RegistrationOutcome(send(command, keyId, requestHash), false);
    }

    /** Another request took the key or the name first: told by the local exception, or else by the store. */
    private boolean lostARace(RuntimeException failure, RegisterModel command, String keyId) {
        return EventStoreRaces.lost(failure)
                || (keyId != null && store.key(keyId).isPresent())
                || store.holderOf(command.modelName()).filter(holder -> !holder.equals(command.modelId())).isPresent();
    }

    private RegistrationOutcome replay(RegistrationKeyUsed first, String requestHash, RegisterModel command) {
        if (!first.requestHash().equals(requestHash)) {
            throw new IdempotencyKeyReusedException();
        }
        return new RegistrationOutcome(withCompatibility(
                new ModelChanged(first.modelId(), first.modelName(), first.status(), 0), command), true);
    }

    private ModelChanged send(RegisterModel command, String keyId, String requestHash) {
        commands.sendAndWait(keyId == null ? command : RegistrationKeyInterceptor.with(command, keyId, requestHash));
        // a registration stores exactly one event (sequence number 0) in the status the policy decided
        return withCompatibility(new ModelChanged(command.modelId(), command.modelName(),
                ModelPolicy.registrationStatus(command.caller(), command.visibility()), 0), command);
    }

    /** The client range, computed again from the (same) definition: the validator is pure, and cheap. */
    private ModelChanged withCompatibility(ModelChanged answer, RegisterModel command) {
        ClientCompatibility compatibility = validator.check(command.modelType(), command.definition(), null)
                .compatibility();
        return new ModelChanged(answer.modelId(), answer.modelName(), answer.status(), answer.version(), compatibility);
    }
}
