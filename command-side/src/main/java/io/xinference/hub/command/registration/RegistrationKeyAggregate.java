package io.xinference.hub.command.registration;

import io.xinference.hub.events.registry.RegistrationKeyUsed;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One caller's Idempotency-Key: used at most once, by the registration stored in the same unit of work
 * ({@link RegistrationKeyInterceptor}). Two requests racing with one key both append this aggregate's first event;
 * the event store keeps one, and the other request finds the stored answer and replays it.
 */
@Aggregate
public class RegistrationKeyAggregate {

    private static final String PREFIX = "registration-key:";

    @AggregateIdentifier
    private String keyId;
    private boolean used;

    protected RegistrationKeyAggregate() {
        // for Axon: rebuilt from events
    }

    RegistrationKeyAggregate(String keyId) {
        this.keyId = keyId;
    }

    /** The aggregate of a caller's key: a hash, so neither the subject nor the key appears as an identifier. */
    public static String idOf(String callerSubject, String idempotencyKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((callerSubject + "\n" + idempotencyKey).getBytes(StandardCharsets.UTF_8));
            return PREFIX + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(UseRegistrationKey command) {
        if (used) {
            throw new RegistrationKeyAlreadyUsed(command.keyId());
        }
        apply(new RegistrationKeyUsed(command.keyId(), command.requestHash(), command.modelId(), command.modelName(),
                command.status()));
    }

    @EventSourcingHandler
    void on(RegistrationKeyUsed event) {
        keyId = event.keyId();
        used = true;
    }

    /** Another request with this key was stored first; the caller reads its answer. */
    static final class RegistrationKeyAlreadyUsed extends RuntimeException {
        RegistrationKeyAlreadyUsed(String keyId) {
            super("the Idempotency-Key " + keyId + " was used by another request first");
        }
    }
}
