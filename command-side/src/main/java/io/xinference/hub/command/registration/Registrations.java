package io.xinference.hub.command.registration;

import io.xinference.hub.command.model.ModelChanged;
import io.xinference.hub.command.model.ModelPolicy;
import io.xinference.hub.command.model.RegisterModel;
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

    Registrations(CommandGateway commands, RegistrationReceipts receipts) {
        this.commands = commands;
        this.receipts = receipts;
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
            return new RegistrationOutcome(first.answer(), true);
        }
        ModelChanged answer = send(command);
        receipts.complete(subject, idempotencyKey, answer.modelName(), answer.status().name(), answer.version());
        return new RegistrationOutcome(answer, false);
    }

    private ModelChanged send(RegisterModel command) {
        commands.sendAndWait(command);
        // a registration stores exactly one event (sequence number 0) in the status the policy decided
        return new ModelChanged(command.modelId(), command.modelName(),
                ModelPolicy.registrationStatus(command.caller(), command.visibility()), 0);
    }
}
