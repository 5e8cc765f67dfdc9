package io.xinference.hub.query.pullrequests;

import io.xinference.hub.events.ModelType;

import java.time.Instant;

/**
 * A pull request the hub opened on the Xinference repository for a model (id {@code <modelId>#<number>}), with the
 * latest sync outcome. {@code position} is the event's place in the whole event stream: sync events belong to no
 * aggregate, so the stream position is their version.
 */
public record PullRequestDocument(String id, String modelId, String modelName, ModelType modelType,
                                  String repository, int number, String url, String branch, String title,
                                  String lastAction, Instant openedAt, Instant updatedAt, long position) {
}
