package io.xinference.hub.query.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SpaResourcesTest {

    @Test
    void clientSideRoutesGetTheIndexPage() {
        assertThat(SpaResources.isSpaRoute("models/detail/QwQ-32B")).isTrue();
        assertThat(SpaResources.isSpaRoute("models/detail/Qwen2.5-7B-Instruct")).isTrue();
        assertThat(SpaResources.isSpaRoute("my-models")).isTrue();
        assertThat(SpaResources.isSpaRoute("review")).isTrue();
    }

    @Test
    void apisAndFilesDoNot() {
        assertThat(SpaResources.isSpaRoute("api/models/x")).isFalse();
        assertThat(SpaResources.isSpaRoute("v3/api-docs")).isFalse();
        assertThat(SpaResources.isSpaRoute("assets/missing.js")).isFalse();
        assertThat(SpaResources.isSpaRoute("favicon.ico")).isFalse();
        assertThat(SpaResources.isSpaRoute("actuator/health")).isFalse();
    }
}
