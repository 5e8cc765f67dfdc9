package io.xinference.hub.command.sync;

import io.xinference.hub.events.ModelType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PullRequestTextTest {

    @Test
    void theBranchIsTheLowerCaseModelName() {
        assertThat(PullRequestText.branch("QwQ-32B")).isEqualTo("chore/models-sync/qwq-32b");
        assertThat(PullRequestText.branch("Wan2.1-1.3B")).isEqualTo("chore/models-sync/wan2.1-1.3b");
    }

    @Test
    void namesGitWouldRefuseInARefAreMadeSafe() {
        assertThat(PullRequestText.slug("a..b")).matches("a-b-[0-9a-f]{8}");
        assertThat(PullRequestText.slug(".hidden.")).matches("hidden-[0-9a-f]{8}");
        assertThat(PullRequestText.slug("model.lock")).matches("model\\.lock--[0-9a-f]{8}");
    }

    @Test
    void twoNamesNeverShareABranch() {
        assertThat(PullRequestText.slug("a..b")).isNotEqualTo(PullRequestText.slug("a-b"));
        assertThat(PullRequestText.slug("a-b")).isEqualTo("a-b");
    }

    @Test
    void commitTitleAndBodyFollowTheLiveHub() {
        assertThat(PullRequestText.commitMessage(ModelType.AUDIO, "CosyVoice2-0.5B"))
                .isEqualTo("[models-hub] Update audio:CosyVoice2-0.5B");
        assertThat(PullRequestText.title("bge-m3", true)).isEqualTo("FEAT: [model] bge-m3 support");
        assertThat(PullRequestText.title("bge-m3", false)).isEqualTo("ENH: update model \"bge-m3\" JSON");
        assertThat(PullRequestText.body("bge-m3", ModelType.EMBEDDING, "paula"))
                .isEqualTo("Automated sync for model \"bge-m3\" (embedding) by user paula.");
    }
}
