package io.xinference.hub.command.webhook;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.xinference.hub.events.ModelApproved;
import io.xinference.hub.events.ModelDefinitionUpdated;
import io.xinference.hub.events.ModelDeleted;
import io.xinference.hub.events.ModelEvent;
import io.xinference.hub.events.ModelExpirationDateSet;
import io.xinference.hub.events.ModelExpired;
import io.xinference.hub.events.ModelReadmeUpdated;
import io.xinference.hub.events.ModelRegistered;
import io.xinference.hub.events.ModelRejected;
import io.xinference.hub.events.ModelSubmissionWithdrawn;
import io.xinference.hub.events.ModelSubmittedForReview;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/** The events a webhook can subscribe to, by their wire name ({@code model.approved}, ...). */
public enum EventKind {
    MODEL_REGISTERED("model.registered"),
    MODEL_DEFINITION_UPDATED("model.definition_updated"),
    MODEL_README_UPDATED("model.readme_updated"),
    MODEL_SUBMITTED("model.submitted"),
    MODEL_SUBMISSION_WITHDRAWN("model.submission_withdrawn"),
    MODEL_APPROVED("model.approved"),
    MODEL_REJECTED("model.rejected"),
    MODEL_EXPIRATION_DATE_SET("model.expiration_date_set"),
    MODEL_EXPIRED("model.expired"),
    MODEL_DELETED("model.deleted");

    private final String wire;

    EventKind(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }

    public static Optional<EventKind> fromWire(String value) {
        return Arrays.stream(values()).filter(kind -> kind.wire.equals(value)).findFirst();
    }

    @JsonCreator
    static EventKind parse(String value) {
        return fromWire(value).orElseThrow(() -> new IllegalArgumentException("unknown event kind: " + value));
    }

    private static final Map<Class<? extends ModelEvent>, EventKind> BY_EVENT = Map.of(
            ModelRegistered.class, MODEL_REGISTERED,
            ModelDefinitionUpdated.class, MODEL_DEFINITION_UPDATED,
            ModelReadmeUpdated.class, MODEL_README_UPDATED,
            ModelSubmittedForReview.class, MODEL_SUBMITTED,
            ModelSubmissionWithdrawn.class, MODEL_SUBMISSION_WITHDRAWN,
            ModelApproved.class, MODEL_APPROVED,
            ModelRejected.class, MODEL_REJECTED,
            ModelExpirationDateSet.class, MODEL_EXPIRATION_DATE_SET,
            ModelExpired.class, MODEL_EXPIRED,
            ModelDeleted.class, MODEL_DELETED);

    /** The kind of a model event (every permitted subtype has one: a test keeps the two lists in step). */
    public static EventKind of(ModelEvent event) {
        return BY_EVENT.get(event.getClass());
    }
}
