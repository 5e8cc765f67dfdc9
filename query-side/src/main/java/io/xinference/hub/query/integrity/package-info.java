/**
 * Tamper evidence for the event store.
 *
 * <p>The {@code integrity} tracking processor (one segment, propagating errors) is handed every event in the
 * store's order, reads that event's raw {@code domain_event_entry} row and records, in {@code event_integrity}
 * (Flyway {@code V200}), SHA-256 over the row (payload and metadata bytes, payload type and revision, aggregate
 * id and type, sequence number, timestamp, event id, global index; each length-prefixed), a link to the model's
 * previous event ({@code model_chain_hash}) and a link to the previously anchored event of the whole store
 * ({@code store_chain_hash}). The token is stored in the same database and transaction, so each event is
 * anchored exactly once.
 *
 * <p>{@code GET /api/audit-trail/models/{id}/integrity} verifies one model, {@code GET /api/audit-trail/integrity}
 * the whole store (also run nightly by {@link io.xinference.hub.query.integrity.NightlyVerification}); both
 * recompute every anchored row's hash from the row as stored now, check both links, and name the first broken
 * link (global index, event id, model id, sequence, what is wrong). Events not anchored yet are counted.
 *
 * <p>What it does and does not prove. An edit, deletion or reordering of an anchored event row is found. An
 * event is unprotected between its append and its anchoring (the processor's lag, normally below a second, or
 * longer while the query side is down); a row inserted behind the processor's position is never anchored and is
 * reported as unanchored. Someone who can rewrite both the event rows and the whole anchor table consistently is
 * only caught by comparing the reported {@code chainHead} with a copy kept elsewhere: publish it periodically
 * (e.g. from the nightly log) to make that attack visible too.
 */
package io.xinference.hub.query.integrity;
