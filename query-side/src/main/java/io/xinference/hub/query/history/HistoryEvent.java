package io.xinference.hub.query.history;

import com.fasterxml.jackson.databind.JsonNode;
import io.xinference.hub.events.Actor;

import java.time.Instant;
import java.util.Map;

/**
 * One stored event of a model as the event store holds it: its place ({@code sequence}), who ({@code actor} from
 * the metadata, else the person the event names), when, what ({@code type}, {@code summary}, the full
 * {@code payload}) and every metadata entry (correlation and request ids included).
 */
public record HistoryEvent(long sequence, String eventId, String type, Instant timestamp, Actor actor,
                           String summary, JsonNode payload, Map<String, Object> metadata) {
}
