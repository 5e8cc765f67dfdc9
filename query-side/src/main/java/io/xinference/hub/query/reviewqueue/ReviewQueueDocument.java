package io.xinference.hub.query.reviewqueue;

import com.fasterxml.jackson.databind.JsonNode;
import io.xinference.hub.events.Actor;
import io.xinference.hub.events.ModelStatus;
import io.xinference.hub.events.ModelType;
import io.xinference.hub.events.Visibility;

import java.time.Instant;
import java.util.List;

/**
 * One model in the review-queue index: while {@code pending}, the open round as submitted and what changed since
 * the last approved version ({@code changedPaths}, empty with {@code firstSubmission} for a model never
 * approved). Decided or withdrawn rounds stay as {@code pending=false}: the document is never deleted, so a late
 * replayed event cannot resurrect it. {@code status} is the model's status, so the caller's visibility filter
 * applies here exactly as in the catalogue.
 */
public record ReviewQueueDocument(String modelId, String modelName, ModelType modelType, Visibility visibility,
                                  Actor owner, ModelStatus status, boolean pending, int round, Actor submitter, Instant submittedAt,
                                  JsonNode definition, String readme, JsonNode lastApprovedDefinition,
                                  String lastApprovedReadme, boolean firstSubmission, List<String> changedPaths,
                                  boolean readmeChanged, long version) {
}
