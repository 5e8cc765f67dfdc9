package io.xinference.hub.command.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.xinference.hub.command.registration.LegacyRegistryMigration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A hub older than the event-sourced name and key aggregates kept its name claims and Idempotency-Key receipts in
 * tables. The one-time migration makes each row its aggregate's first event, so the guarantees hold for models
 * and keys of before: the name stays taken in any letter case, the key still refuses a different request, and a
 * receipt of a registration that never completed frees its key. Run twice, it stores nothing twice.
 */
class LegacyRegistryMigrationIT extends CommandSideIT {

    @Autowired
    LegacyRegistryMigration migration;

    @Test
    void legacyClaimsAndReceiptsBecomeEventsAndKeepTheirGuarantees() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String name = "Legacy-Model-" + suffix;
        String modelId = "legacy-" + suffix;
        String alice = subjectOf(token("alice"));
        jdbc.update("INSERT INTO model_name_claim (name_key, model_name, model_id) VALUES (?, ?, ?)",
                name.toLowerCase(), name, modelId);
        jdbc.update("""
                INSERT INTO registration_idempotency (caller_subject, idempotency_key, request_hash, model_id,
                    model_name, status, version, created_at) VALUES (?, ?, 'a-request-of-before', ?, ?, 'APPROVED', 0, now())""",
                alice, "legacy-key-" + suffix, modelId, name);
        jdbc.update("""
                INSERT INTO registration_idempotency (caller_subject, idempotency_key, request_hash, model_id, created_at)
                VALUES (?, ?, 'a-request-that-failed', 'never-stored', now())""", alice, "legacy-failed-" + suffix);

        assertThat(migration.migrateNameClaims()).isGreaterThanOrEqualTo(1);
        assertThat(migration.migrateReceipts()).isGreaterThanOrEqualTo(2);

        assertThat(jdbc.queryForObject("SELECT count(*) FROM model_name_claim WHERE model_id = ?", Integer.class,
                modelId)).as("claim row moved").isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM registration_idempotency WHERE caller_subject = ?"
                + " AND idempotency_key LIKE ?", Integer.class, alice, "legacy-%-" + suffix)).as("receipt rows moved").isZero();
        assertThat(eventTypes("model-name:" + name.toLowerCase())).singleElement().asString().endsWith("ModelNameClaimed");

        Api.Answer sameName = register("bob", "llm", "PRIVATE", fixtureNamed("llm", name.toUpperCase()));
        assertThat(sameName.status()).as(sameName.toString()).isEqualTo(409);
        assertThat(sameName.body().path("type").asText()).endsWith("name-taken");

        Api.Answer otherRequestSameKey = api().call("POST", "/api/registry/models").token(token("alice"))
                .header("Idempotency-Key", "legacy-key-" + suffix)
                .json(registration("llm", "PRIVATE", fixtureNamed("llm", uniqueName("legacy-other")))).send();
        assertThat(otherRequestSameKey.status()).as(otherRequestSameKey.toString()).isEqualTo(422);

        Api.Answer failedKeyIsFree = api().call("POST", "/api/registry/models").token(token("alice"))
                .header("Idempotency-Key", "legacy-failed-" + suffix)
                .json(registration("llm", "PRIVATE", fixtureNamed("llm", uniqueName("legacy-free")))).send();
        assertThat(failedKeyIsFree.status()).as(failedKeyIsFree.toString()).isEqualTo(201);
        assertThat(failedKeyIsFree.header("Idempotent-Replayed")).isEqualTo("false");

        // a second start (or a second instance) finding the same row again stores nothing twice
        jdbc.update("INSERT INTO model_name_claim (name_key, model_name, model_id) VALUES (?, ?, ?)",
                name.toLowerCase(), name, modelId);
        migration.migrateNameClaims();
        assertThat(eventTypes("model-name:" + name.toLowerCase())).hasSize(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM model_name_claim WHERE model_id = ?", Integer.class,
                modelId)).isZero();
    }

    private static String subjectOf(String jwt) throws Exception {
        JsonNode claims = Api.JSON.readTree(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]),
                StandardCharsets.UTF_8));
        return claims.path("sub").asText();
    }
}
