package io.xinference.hub.command.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.xinference.hub.events.ModelEvent;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The JSON body of a delivery: {@code {id, kind, occurredAt, actor, model: {id, name, url}, data}}, where
 * {@code data} is the event's own fields without the definition and README (they can be large; the receiver
 * fetches the model when it needs them) and {@code id} is the event's id, the same on every redelivery.
 */
public class WebhookPayloads {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final String queryUrl;

    public WebhookPayloads(String queryUrl) {
        this.queryUrl = queryUrl.replaceAll("/+$", "");
    }

    public String body(String eventId, ModelEvent event, Instant occurredAt, String actorUsername) {
        ObjectNode data = JSON.valueToTree(event);
        data.remove("definition");
        data.remove("readme");
        ObjectNode body = JSON.createObjectNode();
        body.put("id", eventId);
        body.put("kind", EventKind.of(event).wire());
        body.put("occurredAt", occurredAt.toString());
        body.put("actor", actorUsername);
        body.putObject("model")
                .put("id", event.modelId())
                .put("name", event.modelName())
                .put("url", queryUrl + "/models/detail/"
                        + URLEncoder.encode(event.modelName(), StandardCharsets.UTF_8).replace("+", "%20"));
        body.set("data", data);
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an event that was stored as JSON cannot be written as JSON", e);
        }
    }
}
