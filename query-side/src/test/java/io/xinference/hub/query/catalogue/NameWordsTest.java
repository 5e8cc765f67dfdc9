package io.xinference.hub.query.catalogue;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NameWordsTest {

    @Test
    void namesSplitOnSeparatorsDigitsAndCamelCase() {
        assertThat(NameWords.of("CosyVoice2-0.5B")).containsExactlyInAnyOrder("cosy", "voice", "2", "0", "5", "b", "cosyvoice");
        assertThat(NameWords.of("bge-reranker-v2-m3")).containsExactly("bge", "reranker", "v", "2", "m", "3");
        assertThat(NameWords.of("Wan2.1-1.3B")).containsExactly("wan", "2", "1", "3", "b");
        assertThat(NameWords.of("Qwen2.5-VLModel_7B")).containsExactlyInAnyOrder("qwen", "2", "5", "vl", "model", "7", "b",
                "vlmodel");
    }

    @Test
    void typedWordsSplitTheSameWayWithoutJoinedForms() {
        assertThat(NameWords.split("bge-rer")).containsExactly("bge", "rer");
        assertThat(NameWords.split("CosyV")).containsExactly("cosy", "v");
        assertThat(NameWords.split("cosyvoice2")).containsExactly("cosyvoice", "2");
        assertThat(NameWords.split("--")).isEmpty();
    }
}
