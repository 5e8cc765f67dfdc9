package io.xinference.hub.events.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xinference.hub.events.ModelRejected;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * {@link ModelRejected} revision 1 → 2: adds {@code resubmissionAllowed = true}, which every revision-1
 * rejection meant. The pattern for later changes: one upcaster per revision step, matching the stored type
 * and revision exactly, editing the payload as JSON (the stored bytes never change; events are immutable).
 * Registered in both apps by {@code HubPlatformAutoConfiguration} (Axon picks up every EventUpcaster bean).
 */
public class ModelRejectedUpcaster extends SingleEventUpcaster {

    static final SimpleSerializedType REVISION_1 = new SimpleSerializedType(ModelRejected.class.getName(), "1");
    static final SimpleSerializedType REVISION_2 = new SimpleSerializedType(ModelRejected.class.getName(), "2");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return REVISION_1.equals(representation.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(REVISION_2, JsonNode.class, payload -> {
            if (payload instanceof ObjectNode object && !object.has("resubmissionAllowed")) {
                object.put("resubmissionAllowed", true);
            }
            return payload;
        });
    }
}
