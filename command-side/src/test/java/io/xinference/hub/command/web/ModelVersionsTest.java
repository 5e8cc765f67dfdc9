package io.xinference.hub.command.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModelVersionsTest {

    @Test
    void quotedEntityTagIsTheExpectedVersion() {
        assertThat(ModelVersions.expectedVersion("\"12\"")).isEqualTo(12L);
    }

    @Test
    void bareNumberIsAcceptedForHandWrittenCalls() {
        assertThat(ModelVersions.expectedVersion("3")).isEqualTo(3L);
    }

    @Test
    void missingOrAnyMeansNoCheck() {
        assertThat(ModelVersions.expectedVersion(null)).isNull();
        assertThat(ModelVersions.expectedVersion("*")).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"W/\"3\"", "\"abc\"", "\"1\", \"2\"", "-1", "\"99999999999999999999\""})
    void anythingElseIsRefused(String header) {
        assertThatThrownBy(() -> ModelVersions.expectedVersion(header)).isInstanceOf(InvalidIfMatchException.class);
    }

    @Test
    void etagIsTheQuotedVersion() {
        assertThat(ModelVersions.etag(7)).isEqualTo("\"7\"");
    }
}
