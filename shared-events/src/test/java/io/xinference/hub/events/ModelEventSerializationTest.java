package io.xinference.hub.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ModelEventSerializationTest {

    private final ObjectMapper json = JsonMapper.builder().addModule(new JavaTimeModule()).build();

    @Test
    void aRegistrationSurvivesAJsonRoundTripAsTheEventStoreWritesIt() throws Exception {
        ModelRegistered registered = new ModelRegistered("id-1", "QwQ-32B", ModelType.LLM, Visibility.PUBLIC,
                json.readTree("{\"version\":2,\"model_name\":\"QwQ-32B\"}"), "# QwQ", new Actor("s-1", "paula"),
                ModelStatus.APPROVED, Instant.parse("2027-01-01T00:00:00Z"),
                new ClientCompatibility("1.13.0", List.of()));

        String stored = json.writeValueAsString(registered);

        assertThat(stored).contains("\"modelType\":\"llm\"");
        assertThat(json.readValue(stored, ModelRegistered.class)).isEqualTo(registered);
    }

    @Test
    void everyEventIsRevisionedSoItCanEvolveWithUpcasters() {
        Arrays.stream(ModelEvent.class.getPermittedSubclasses()).forEach(type ->
                assertThat(type.getAnnotation(Revision.class)).as(type.getSimpleName()).isNotNull());
    }

    @Test
    void modelTypesUseXinferenceWireNames() {
        assertThat(ModelType.fromWire("embedding")).contains(ModelType.EMBEDDING);
        assertThat(ModelType.fromWire("flexible")).isEmpty();
        assertThat(ModelType.fromWire(null)).isEmpty();
    }
}
