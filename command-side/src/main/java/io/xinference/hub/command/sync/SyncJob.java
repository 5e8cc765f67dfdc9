package io.xinference.hub.command.sync;

import com.fasterxml.jackson.databind.JsonNode;
import io.xinference.hub.events.Actor;
import io.xinference.hub.events.ModelType;
import io.xinference.hub.events.sync.RepositoryChange;

import java.time.Instant;

/**
 * One model's pending sync as the schedule holds it: the latest wanted state of its repository entry.
 *
 * @param definition  the definition to write; {@code null} for a removal
 * @param changedAt   when the model changed in the hub; becomes the entry's {@code updated_at}
 * @param attempts    failed attempts so far
 * @param requestSeq  bumped by every new request, so a run that finishes an older request leaves a newer one due
 */
public record SyncJob(String modelId, String modelName, ModelType modelType, RepositoryChange change,
                      JsonNode definition, Instant changedAt, Actor requestedBy, int attempts, long requestSeq) {
}
