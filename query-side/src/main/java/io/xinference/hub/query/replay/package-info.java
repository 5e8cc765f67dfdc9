/**
 * Zero-downtime rebuilds of read models for admins ({@code /api/admin/rebuilds}, hub-admin) and discarding
 * dead letters ({@code DELETE /api/admin/projections/{group}/dead-letters/{modelId}}; inspection and retry are
 * in {@code deadletters}). Rebuildable: catalogue, review-queue, audit-trail (one {@code RebuildFold} each).
 *
 * <p>Design: the rebuild reads the event store directly (Axon's {@code EventStore.openStream}, through the
 * upcasters) and bulk-writes with the projection's own pure fold into a fresh versioned index, while the live
 * processor keeps serving the alias. At the head it pauses the live processor on this instance, folds in the
 * last events, refreshes the fresh index and moves the alias in one atomic {@code _aliases} request, then
 * restarts the processor, which resumes from its token through the alias (already applied events are skipped by
 * version). A second tracking processor instance was the alternative; it would need its own token entries, a
 * way to point the same handlers at another index, and the same pause to hand over, for no gain. Readers never
 * see an empty or partial index: the alias points at the complete old index until it points at the complete new
 * one. Progress (events done / total, rate, ETA) is in the status; a rebuild can be cancelled while building
 * (its fresh index is then deleted).
 *
 * <p>Several query instances: a rebuild runs on the instance that was asked, and is recorded in the shared
 * database ({@code projection_rebuild}, {@link io.xinference.hub.query.replay.RebuildRegistry}): a second request
 * for the same projection on any instance is a 409 problem naming the running one. For the swap, every other
 * instance pauses its processor of that projection ({@link io.xinference.hub.query.replay.SwapPauses}), so no
 * instance writes into the old index after the rebuild read its final head. If the rebuilding instance dies
 * (killed, crashed), another instance, or the same one restarted, takes the rebuild over under the same id
 * once its heartbeat is stale and restarts it from the start; the half-built index is deleted, never served.
 */
package io.xinference.hub.query.replay;
