package io.xinference.hub.command.definition;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xinference.hub.events.ModelType;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The six real Xinference v1.13.0 definitions from the devstack module, as a client would send them: without the
 * {@code updated_at} that Xinference's own files carry, because the hub owns that field.
 */
public final class RealFixtures {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RealFixtures() {
    }

    public static ObjectNode verbatim(ModelType type) {
        String resource = "fixtures/xinference/v1.13.0/" + type.wire() + ".json";
        try (InputStream in = RealFixtures.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test fixture " + resource + " (devstack module)");
            }
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ObjectNode asSentByClient(ModelType type) {
        ObjectNode definition = verbatim(type);
        definition.remove("updated_at");
        return definition;
    }

    public static String nameOf(ModelType type) {
        return verbatim(type).get("model_name").asText();
    }
}
