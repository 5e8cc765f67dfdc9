package io.xinference.hub.query.catalogue;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RelevanceQueryTest {

    private static String marks(String marked) {
        return marked == null ? null : marked.replace(RelevanceQuery.MARK_START, "[").replace(RelevanceQuery.MARK_END, "]");
    }

    @Test
    void marksTheTypedStartOfEachNameWord() {
        assertThat(marks(RelevanceQuery.markName("bge-reranker-v2-m3", "bge-rer"))).isEqualTo("[bge-rer]anker-v2-m3");
        assertThat(marks(RelevanceQuery.markName("CosyVoice2-0.5B", "CosyV"))).isEqualTo("[CosyV]oice2-0.5B");
        assertThat(marks(RelevanceQuery.markName("Qwen-Image", "image"))).isEqualTo("Qwen-[Image]");
        assertThat(marks(RelevanceQuery.markName("bge-reranker-v2-m3", "rer m3"))).isEqualTo("bge-[rer]anker-v2-[m3]");
    }

    @Test
    void aHitThatMatchedElsewhereHasNoMarkedName() {
        assertThat(RelevanceQuery.markName("QwQ-32B", "reasoning")).isNull();
    }
}
