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

    /** The kind of a model event: one visitor method per event, so a new event without a kind does not compile. */
    public static EventKind of(ModelEvent event) {
        return event.accept(new ModelEvent.Visitor<>() {
            @Override
            public EventKind on(ModelRegistered e) {
                return MODEL_REGISTERED;
            }

            @Override
            public EventKind on(ModelDefinitionUpdated e) {
                return MODEL_DEFINITION_UPDATED;
            }

            @Override
            public EventKind on(ModelReadmeUpdated e) {
                return MODEL_README_UPDATED;
            }

            @Override
            public EventKind on(ModelSubmittedForReview e) {
                return MODEL_SUBMITTED;
            }

            @Override
            public EventKind on(ModelSubmissionWithdrawn e) {
                return MODEL_SUBMISSION_WITHDRAWN;
            }

            @Override
            public EventKind on(ModelApproved e) {
                return MODEL_APPROVED;
            }

            @Override
            public EventKind on(ModelRejected e) {
                return MODEL_REJECTED;
            }

            @Override
            public EventKind on(ModelExpirationDateSet e) {
                return MODEL_EXPIRATION_DATE_SET;
            }

            @Override
            public EventKind on(ModelExpired e) {
                return MODEL_EXPIRED;
            }

            @Override
            public EventKind on(ModelDeleted e) {
                return MODEL_DELETED;
            }
        });
    }
}
