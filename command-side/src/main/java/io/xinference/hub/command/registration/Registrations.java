package io.xinference.hub.command.registration;

import io.xinference.hub.command.definition.DefinitionValidator;
import io.xinference.hub.command.model.ModelChanged;
import io.xinference.hub.command.model.ModelPolicy;
import io.xinference.hub.command.model.RegisterModel;
import io.xinference.hub.events.ClientCompatibility;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;

/**
 * Registers models, once per Idempotency-Key. The key's receipt, the name claim and the events are written in one
 * transaction (Axon's unit of work joins it), so a retry never sees a receipt for a registration that failed.
 */
@Service
class Registrations {

    private final CommandGateway commands;
    private final RegistrationReceipts receipts;
    private final DefinitionValidator validator;

    Registrations(CommandGateway commands, RegistrationReceipts receipts, DefinitionValidator validator) {
        this.commands = commands;
        this.receipts = receipts;
        this.validator = validator;
    }

    @Transactional
    public RegistrationOutcome register(RegisterModel command, String idempotencyKey, String requestHash) {
        if (idempotencyKey == null) {
            return new RegistrationOutcome(send(command), false);
        }
        String subject = command.caller().subject();
        if (receipts.reserve(subject, idempotencyKey, requestHash, command.modelId(), Instant.now()) == 0) {
            RegistrationReceipt first = receipts.findById(new RegistrationReceiptId(subject, idempotencyKey))
                    .orElseThrow(() -> new IllegalStateException("idempotency receipt vanished"));
            if (!first.requestHash().equals(requestHash)) {
                throw new IdempotencyKeyReusedException();
            }
            return new RegistrationOutcome(withCompatibility(first.answer(), command), true);
        }
        ModelChanged answer = send(command);
        receipts.complete(subject, idempotencyKey, answer.modelName(), answer.status().name(), answer.version());
        return new RegistrationOutcome(answer, false);
    }

    private ModelChanged send(RegisterModel command) {
        commands.sendAndWait(command);
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
