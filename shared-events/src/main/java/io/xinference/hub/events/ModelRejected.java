package io.xinference.hub.events;

import org.axonframework.serialization.Revision;

/**
 * A reviewer rejected a review round with feedback (never blank); the owner may edit and resubmit unless
 * {@code resubmissionAllowed} is false.
 *
 * <p>Revision 2 added {@code resubmissionAllowed}. Revision 1 events in the store are read through
 * {@link io.xinference.hub.events.upcasting.ModelRejectedUpcaster}, which sets it to {@code true} (what every
 * rejection meant then); the 7-argument constructor keeps every earlier call site compiling with that same
 * default.
 */
@Revision("2")
public record ModelRejected(String modelId, String modelName, ModelType modelType, Visibility visibility,
                            int round, Actor reviewer, String feedback, boolean resubmissionAllowed)
        implements ModelEvent {

    public ModelRejected(String modelId, String modelName, ModelType modelType, Visibility visibility, int round,
                         Actor reviewer, String feedback) {
        this(modelId, modelName, modelType, visibility, round, reviewer, feedback, true);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.on(this);
    }
}
