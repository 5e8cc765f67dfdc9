package io.xinference.hub.command.registration;

import io.xinference.hub.events.ModelStatus;
import io.xinference.hub.events.registry.ModelNameClaimed;
import io.xinference.hub.events.registry.RegistrationKeyUsed;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

import java.util.List;

/**
 * Moves the name claims ({@code model_name_claim}) and Idempotency-Key receipts ({@code registration_idempotency})
 * of hubs older than the event-sourced ones into the event store, once, at start-up: each row becomes its
 * aggregate's first event ({@link ModelNameClaimed}, {@link RegistrationKeyUsed}) and is then deleted. A receipt
 * that was reserved but never completed belonged to a registration that failed, and is only deleted. Instances
 * starting together may both try: the event store keeps one first event per aggregate, the other append is
 * refused and that row is left for its next start. Rows written by no new instance: the tables empty out and stay.
 */
@Component
public class LegacyRegistryMigration implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(LegacyRegistryMigration.class);

    private final JdbcTemplate jdbc;
    private final EventStore events;
    private final TransactionOperations transactions;

    LegacyRegistryMigration(JdbcTemplate jdbc, EventStore events, TransactionOperations transactions) {
        this.jdbc = jdbc;
        this.events = events;
        this.transactions = transactions;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        int names = migrateNameClaims();
        int keys = migrateReceipts();
        if (names + keys > 0) {
            log.info("moved {} name claims and {} Idempotency-Key receipts into the event store", names, keys);
        }
    }

    public int migrateNameClaims() {
        List<ModelNameClaimed> claims = jdbc.query("SELECT model_name, model_id FROM model_name_claim",
                (rs, row) -> {
                    String name = rs.getString("model_name");
                    return new ModelNameClaimed(ModelNameAggregate.idOf(name), name, rs.getString("model_id"));
                });
        for (ModelNameClaimed claim : claims) {
            once(claim.nameKey(), () -> {
                firstEvent(ModelNameAggregate.class, claim.nameKey(), claim);
                jdbc.update("DELETE FROM model_name_claim WHERE lower(model_name) = lower(?) AND model_id = ?",
                        claim.modelName(), claim.modelId());
            });
        }
        return claims.size();
    }

    public int migrateReceipts() {
        record Receipt(String subject, String key, RegistrationKeyUsed used) {
        }
        List<Receipt> receipts = jdbc.query("""
                SELECT caller_subject, idempotency_key, request_hash, model_id, model_name, status, version
                FROM registration_idempotency""", (rs, row) -> {
            String subject = rs.getString("caller_subject");
            String key = rs.getString("idempotency_key");
            boolean completed = rs.getObject("version") != null && rs.getString("status") != null;
            return new Receipt(subject, key, !completed ? null : new RegistrationKeyUsed(
                    RegistrationKeyAggregate.idOf(subject, key), rs.getString("request_hash"),
                    rs.getString("model_id"), rs.getString("model_name"), ModelStatus.valueOf(rs.getString("status"))));
        });
        for (Receipt receipt : receipts) {
            once(receipt.subject(), () -> {
                if (receipt.used() != null) {
                    firstEvent(RegistrationKeyAggregate.class, receipt.used().keyId(), receipt.used());
                }
                jdbc.update("DELETE FROM registration_idempotency WHERE caller_subject = ? AND idempotency_key = ?",
                        receipt.subject(), receipt.key());
            });
        }
        return receipts.size();
    }

    /** The aggregate's event number 0, unless it has one already (migrated before, or claimed anew since). */
    private void firstEvent(Class<?> aggregateType, String aggregateId, Object payload) {
        if (!events.readEvents(aggregateId).hasNext()) {
            events.publish(new GenericDomainEventMessage<>(aggregateType.getSimpleName(), aggregateId, 0, payload));
        }
    }

    /** One row in one transaction; a row another instance migrated at the same moment is left to the next start. */
    private void once(String what, Runnable migration) {
        try {
            transactions.executeWithoutResult(tx -> migration.run());
        } catch (RuntimeException e) {
            log.warn("could not move {} into the event store now; the next start tries again", what, e);
        }
    }
}
