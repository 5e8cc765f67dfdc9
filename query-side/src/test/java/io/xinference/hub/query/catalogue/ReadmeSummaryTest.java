package io.xinference.hub.query.catalogue;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReadmeSummaryTest {

    @Test
    void theFirstParagraphOfProseAfterFrontMatterHeadingsAndBadges() {
        String card = """
                ---
                license: apache-2.0
                ---
                # QwQ-32B

                [![Chat](https://img.shields.io/badge/chat-blue)](https://chat.qwen.ai)

                - a list item
                **QwQ** is the reasoning model of the [Qwen](https://qwenlm.github.io) series.
                It thinks before it answers.

                Second paragraph.
                """;
        assertThat(ReadmeSummary.of(card))
                .isEqualTo("QwQ is the reasoning model of the Qwen series. It thinks before it answers.");
    }

    @Test
    void codeAndEmptyReadmesGiveNoDescription() {
        assertThat(ReadmeSummary.of("# Title\n\n```\ncode only\n```\n")).isNull();
        assertThat(ReadmeSummary.of("  ")).isNull();
        assertThat(ReadmeSummary.of(null)).isNull();
    }

    @Test
    void longParagraphsAreCutAtAWord() {
        String summary = ReadmeSummary.of("word ".repeat(100));
        assertThat(summary).hasSizeLessThanOrEqualTo(ReadmeSummary.MAX_LENGTH).endsWith("word…");
    }

    @Test
    void aDefinitionsOwnDescriptionWins() {
        DefinitionFacts facts = new DefinitionFacts("own", java.util.List.of(), java.util.List.of(),
                java.util.List.of(), java.util.List.of(), false);
        assertThat(facts.describedBy("Readme words.").description()).isEqualTo("own");
        assertThat(facts.describedBy("Readme words.").abilities()).isEmpty();
        DefinitionFacts none = new DefinitionFacts(null, java.util.List.of(), java.util.List.of(),
                java.util.List.of(), java.util.List.of(), false);
        assertThat(none.describedBy("# T\n\nReadme words.").description()).isEqualTo("Readme words.");
    }
}
