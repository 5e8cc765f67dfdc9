package io.xinference.hub.query.audittrail;

import io.xinference.hub.events.Actor;
import io.xinference.hub.events.ModelType;
import io.xinference.hub.events.Visibility;

import java.time.Instant;

/**
 * One event as the audit trail shows it (document id {@code <modelId>:<sequence>}). {@code action} is the event
 * name ({@code ModelApproved}, ...); {@code actor} comes from the event metadata, falling back to the person the
 * event itself names (owner, submitter, reviewer) or {@link Actor#SYSTEM}.
 */
public record AuditEntry(String entryId, String eventId, String modelId, String modelName, ModelType modelType,
                         Visibility visibility, String action, long sequence, Instant timestamp, Actor actor,
                         String correlationId, String requestId, String summary) {
}
