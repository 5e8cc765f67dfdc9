package io.xinference.hub.command.readme;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FrontMatterTest {

    @Test
    void aLeadingYamlBlockIsRemoved() {
        String card = "---\nlicense: apache-2.0\ntags:\n- chat\n---\n\n# QwQ-32B\n\nText.\n";

        assertThat(FrontMatter.strip(card)).isEqualTo("# QwQ-32B\n\nText.\n");
    }

    @Test
    void windowsLineEndingsAndAByteOrderMarkAreHandled() {
        assertThat(FrontMatter.strip("\uFEFF---\r\nlicense: mit\r\n---\r\n# Title\r\n")).isEqualTo("# Title\r\n");
    }

    @Test
    void aDocumentEndMarkerClosesTheBlockToo() {
        assertThat(FrontMatter.strip("---\na: 1\n...\n# T")).isEqualTo("# T");
    }

    @Test
    void textWithoutFrontMatterIsUnchanged() {
        assertThat(FrontMatter.strip("# Title\n---\nnot front matter\n---\n"))
                .isEqualTo("# Title\n---\nnot front matter\n---\n");
    }

    @Test
    void anUnclosedBlockIsLeftAsItIs() {
        assertThat(FrontMatter.strip("---\nlicense: mit\n# Title")).isEqualTo("---\nlicense: mit\n# Title");
    }
}
