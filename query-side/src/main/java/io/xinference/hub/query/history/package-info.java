/**
 * Auditors' view straight from the event store (never from a projection), all under {@code /api/audit-trail/**}
 * and so behind the audit-read permission only.
 *
 * <ul>
 *   <li>{@code GET /api/audit-trail/models/{id}/history}: every stored event of a model in sequence order, read
 *   with {@code EventStore.readEvents(id, 0)} (through the upcasters; from 0 so a snapshot is never mistaken
 *   for an event): who (metadata actor, else the person the event names), when, what, payload and metadata.</li>
 *   <li>{@code GET .../state?version=N} or {@code ?at=ISO-8601}: the model as it was, by folding its events with
 *   the catalogue's own pure fold, {@code CatalogueApplier}, so a past state means exactly what the live
 *   catalogue document meant then (the IT checks they agree after every step of a lifecycle).</li>
 *   <li>{@code GET .../diff?from=N&to=M}: definition changes per JSON pointer (leaf level, arrays element by
 *   element), README as a line diff.</li>
 *   <li>{@code GET /api/audit-trail/export?from&to[&actor][&modelId][&format=ndjson|csv]}: the audit-trail index
 *   streamed with {@code search_after}, one page in memory, range required and capped at 366 days.</li>
 * </ul>
 *
 * Visibility is deliberately not applied here: an audit must be complete, so auditors read private and
 * enterprise models' histories like any other. Owners do not get their own history through this API (they see
 * their model's review rounds on its page); audit-read is an auditor's and admin's permission.
 */
package io.xinference.hub.query.history;
