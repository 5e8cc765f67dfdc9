package io.xinference.hub.command.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xinference.hub.devstack.Fixtures;
import io.xinference.hub.events.Actor;
import io.xinference.hub.events.ModelType;
import io.xinference.hub.events.sync.FailureKind;
import io.xinference.hub.events.sync.RepositoryChange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static com.github.tomakehurst.wiremock.http.RequestMethod.GET;
import static com.github.tomakehurst.wiremock.http.RequestMethod.PATCH;
import static com.github.tomakehurst.wiremock.http.RequestMethod.POST;
import static com.github.tomakehurst.wiremock.http.RequestMethod.PUT;
import static io.xinference.hub.command.sync.GithubStub.REPO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class GithubPullRequestsTest {

    static final String LLM_FILE = "xinference/model/llm/llm_family.json";
    static final String AUDIO_FILE = "xinference/model/audio/model_spec.json";
    static final String QWQ_BRANCH = "chore/models-sync/qwq-32b";
    static final Actor PAULA = new Actor("paula-subject", "paula");
    static final Instant QWQ_UPDATED_AT = Instant.ofEpochSecond(Fixtures.definition("llm").get("updated_at").asLong());

    private final GithubStub github = new GithubStub();
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC);
    private final GithubPullRequests pullRequests = new GithubPullRequests(
            SyncProperties.defaults().withApiUrl(github.apiUrl()), clock);

    @AfterEach
    void stopStub() {
        github.close();
    }

    @Test
    void aNewModelOpensOnePullRequestWithTheFileRewrittenExactly() throws Exception {
        github.withRepository()
                .withFile(LLM_FILE, "main", RepositoryTestFiles.bytes("llm_family-without-qwq.json"), "base-file-sha")
                .withoutBranch(QWQ_BRANCH)
                .opensPullRequest(42);

        PublishOutcome outcome = pullRequests.publish(qwq(Fixtures.definition("llm")), "bot-token", "paula");

        assertThat(outcome).isEqualTo(new PublishOutcome.Opened(42,
                "https://github.com/xorbitsai/inference/pull/42", QWQ_BRANCH, "FEAT: [model] QwQ-32B support"));
        JsonNode branch = github.requestBodies(POST, REPO + "/git/refs").get(0);
        assertThat(branch.get("ref").asText()).isEqualTo("refs/heads/" + QWQ_BRANCH);
        assertThat(branch.get("sha").asText()).isEqualTo(GithubStub.BASE_SHA);
        JsonNode commit = github.requestBodies(PUT, REPO + "/contents/" + LLM_FILE).get(0);
        assertThat(commit.get("message").asText()).isEqualTo("[models-hub] Update llm:QwQ-32B");
        assertThat(commit.get("branch").asText()).isEqualTo(QWQ_BRANCH);
        assertThat(commit.get("sha").asText()).isEqualTo("base-file-sha");
        assertThat(new String(github.committedContent(LLM_FILE), StandardCharsets.UTF_8))
                .isEqualTo(new String(RepositoryTestFiles.bytes("llm_family.json"), StandardCharsets.UTF_8));
        JsonNode pr = github.requestBodies(POST, REPO + "/pulls").get(0);
        assertThat(pr.get("title").asText()).isEqualTo("FEAT: [model] QwQ-32B support");
        assertThat(pr.get("head").asText()).isEqualTo(QWQ_BRANCH);
        assertThat(pr.get("base").asText()).isEqualTo("main");
        assertThat(pr.get("body").asText()).isEqualTo("Automated sync for model \"QwQ-32B\" (llm) by user paula.");
        assertThat(github.server.findAll(com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.anyUrl())))
                .allSatisfy(request -> assertThat(request.getHeader("Authorization")).isEqualTo("token bot-token"));
    }

    @Test
    void anOpenPullRequestForTheModelGetsANewCommitInsteadOfASecondPullRequest() throws Exception {
        ObjectNode changed = Fixtures.definition("llm");
        changed.put("context_length", 65536);
        github.withRepository()
                .withFile(LLM_FILE, "main", RepositoryTestFiles.bytes("llm_family.json"), "base-file-sha")
                .withFile(LLM_FILE, QWQ_BRANCH, RepositoryTestFiles.bytes("llm_family.json"), "branch-file-sha")
                .withOpenPullRequest(7, QWQ_BRANCH, "ENH: update model \"QwQ-32B\" JSON");

        PublishOutcome outcome = pullRequests.publish(qwq(changed), "bot-token", "paula");

        assertThat(outcome).isEqualTo(new PublishOutcome.Updated(7,
                "https://github.com/xorbitsai/inference/pull/7", QWQ_BRANCH, "ENH: update model \"QwQ-32B\" JSON"));
        JsonNode commit = github.requestBodies(PUT, REPO + "/contents/" + LLM_FILE).get(0);
        assertThat(commit.get("branch").asText()).isEqualTo(QWQ_BRANCH);
        assertThat(commit.get("sha").asText()).isEqualTo("branch-file-sha");
        assertThat(new String(github.committedContent(LLM_FILE), StandardCharsets.UTF_8)).contains(
                "\"context_length\": 65536").contains("\"model_name\": \"other-llm\"");
        assertThat(github.count(POST, REPO + "/pulls")).isZero();
        assertThat(github.count(POST, REPO + "/git/refs")).isZero();
    }

    @Test
    void anAudioModelIsWrittenToTheAudioFileAndNeverToTheLlmFile() throws Exception {
        github.withRepository()
                .withFile(AUDIO_FILE, "main", RepositoryTestFiles.bytes("audio_model_spec.json"), "audio-sha")
                .withoutBranch("chore/models-sync/cosyvoice2-0.5b")
                .opensPullRequest(43);
        SyncJob cosyVoice = new SyncJob("m-audio", "CosyVoice2-0.5B", ModelType.AUDIO,
                RepositoryChange.ADD_OR_REPLACE, Fixtures.definition("audio"),
                Instant.ofEpochSecond(Fixtures.definition("audio").get("updated_at").asLong()), PAULA, 0, 1);

        pullRequests.publish(cosyVoice, "bot-token", "paula");

        assertThat(github.committedContent(AUDIO_FILE))
                .isEqualTo(RepositoryTestFiles.bytes("audio_model_spec-with-cosyvoice.json"));
        assertThat(github.requestedUrls()).noneMatch(url -> url.contains("/llm/"));
        assertThat(github.requestBodies(POST, REPO + "/pulls").get(0).get("body").asText())
                .isEqualTo("Automated sync for model \"CosyVoice2-0.5B\" (audio) by user paula.");
    }

    @Test
    void anExpiredModelIsRemovedWithAnUpdateTitle() throws Exception {
        github.withRepository()
                .withFile(LLM_FILE, "main", RepositoryTestFiles.bytes("llm_family.json"), "base-file-sha")
                .withoutBranch(QWQ_BRANCH)
                .opensPullRequest(44);

        PublishOutcome outcome = pullRequests.publish(new SyncJob("m-1", "QwQ-32B", ModelType.LLM,
                RepositoryChange.REMOVE, null, QWQ_UPDATED_AT, PAULA, 0, 1), "bot-token", "paula");

        assertThat(outcome).isInstanceOf(PublishOutcome.Opened.class);
        assertThat(github.committedContent(LLM_FILE)).isEqualTo(RepositoryTestFiles.bytes("llm_family-without-qwq.json"));
        assertThat(github.requestBodies(POST, REPO + "/pulls").get(0).get("title").asText())
                .isEqualTo("ENH: update model \"QwQ-32B\" JSON");
    }

    @Test
    void nothingIsCommittedWhenTheBaseBranchAlreadyHasTheEntry() throws Exception {
        github.withRepository()
                .withFile(LLM_FILE, "main", RepositoryTestFiles.bytes("llm_family.json"), "base-file-sha");

        PublishOutcome outcome = pullRequests.publish(qwq(Fixtures.definition("llm")), "bot-token", "paula");

        assertThat(outcome).isInstanceOf(PublishOutcome.Unchanged.class);
        assertThat(github.count(PUT, REPO + "/contents/" + LLM_FILE)).isZero();
        assertThat(github.count(POST, REPO + "/pulls")).isZero();
    }

    @Test
    void aLeftoverBranchWithoutPullRequestIsResetToTheBaseBeforeTheCommit() throws Exception {
        github.withRepository()
                .withFile(LLM_FILE, "main", RepositoryTestFiles.bytes("llm_family-without-qwq.json"), "base-file-sha")
                .withBranch(QWQ_BRANCH, "9999999999999999999999999999999999999999")
                .opensPullRequest(45);

        pullRequests.publish(qwq(Fixtures.definition("llm")), "bot-token", "paula");

        JsonNode reset = github.requestBodies(PATCH, REPO + "/git/refs/heads/" + QWQ_BRANCH).get(0);
        assertThat(reset.get("sha").asText()).isEqualTo(GithubStub.BASE_SHA);
        assertThat(reset.get("force").asBoolean()).isTrue();
        assertThat(github.count(POST, REPO + "/pulls")).isOne();
    }

    @Test
    void aFileTooLargeForTheContentsApiIsReadThroughTheBlobApi() throws Exception {
        github.withRepository()
                .withLargeFile(LLM_FILE, "main", RepositoryTestFiles.bytes("llm_family-without-qwq.json"), "big-sha")
                .withoutBranch(QWQ_BRANCH)
                .opensPullRequest(46);

        pullRequests.publish(qwq(Fixtures.definition("llm")), "bot-token", "paula");

        assertThat(github.count(GET, REPO + "/git/blobs/big-sha")).isOne();
        assertThat(github.committedContent(LLM_FILE)).isEqualTo(RepositoryTestFiles.bytes("llm_family.json"));
    }

    @Test
    void badCredentialsArePermanent() {
        github.withRepository().failsEverything(401);

        SyncFailure failure = catchThrowableOfType(
                () -> pullRequests.publish(qwq(Fixtures.definition("llm")), "revoked", "paula"), SyncFailure.class);

        assertThat(failure.kind()).isEqualTo(FailureKind.PERMANENT);
        assertThat(failure.httpStatus()).isEqualTo(401);
        assertThat(failure.reason()).contains("401").contains("Bad credentials");
    }

    @Test
    void aRefusedChangeIsPermanent() {
        github.withRepository().failsEverything(422);

        assertThatThrownBy(() -> pullRequests.publish(qwq(Fixtures.definition("llm")), "t", "paula"))
                .isInstanceOfSatisfying(SyncFailure.class, failure -> {
                    assertThat(failure.kind()).isEqualTo(FailureKind.PERMANENT);
                    assertThat(failure.httpStatus()).isEqualTo(422);
                });
    }

    @Test
    void aRateLimitIsTransientAndCarriesRetryAfter() {
        github.withRepository().failsEverything(429, "Retry-After", "120");

        SyncFailure failure = catchThrowableOfType(
                () -> pullRequests.publish(qwq(Fixtures.definition("llm")), "t", "paula"), SyncFailure.class);

        assertThat(failure.kind()).isEqualTo(FailureKind.TRANSIENT);
        assertThat(failure.retryAfter()).isEqualTo(Duration.ofSeconds(120));
    }

    @Test
    void aPrimaryRateLimitWaitsForTheReset() {
        long reset = clock.instant().plusSeconds(900).getEpochSecond();
        github.withRepository().failsEverything(403, "X-RateLimit-Remaining", "0",
                "X-RateLimit-Reset", Long.toString(reset));

        SyncFailure failure = catchThrowableOfType(
                () -> pullRequests.publish(qwq(Fixtures.definition("llm")), "t", "paula"), SyncFailure.class);

        assertThat(failure.kind()).isEqualTo(FailureKind.TRANSIENT);
        assertThat(failure.retryAfter()).isEqualTo(Duration.ofSeconds(900));
    }

    @Test
    void aServerErrorIsTransient() {
        github.withRepository().failsEverything(503);

        SyncFailure failure = catchThrowableOfType(
                () -> pullRequests.publish(qwq(Fixtures.definition("llm")), "t", "paula"), SyncFailure.class);

        assertThat(failure.kind()).isEqualTo(FailureKind.TRANSIENT);
        assertThat(failure.httpStatus()).isEqualTo(503);
    }

    @Test
    void aForbiddenWriteIsPermanent() {
        github.withRepository().failsEverything(403);

        SyncFailure failure = catchThrowableOfType(
                () -> pullRequests.publish(qwq(Fixtures.definition("llm")), "t", "paula"), SyncFailure.class);

        assertThat(failure.kind()).isEqualTo(FailureKind.PERMANENT);
        assertThat(failure.httpStatus()).isEqualTo(403);
    }

    @Test
    void aGithubThatNeverAnswersIsATransientFailureNotAHang() {
        github.withRepository();
        github.server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
                com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo(REPO)).atPriority(1)
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withFixedDelay(5000)));
        GithubPullRequests impatient = new GithubPullRequests(new SyncProperties(null, github.apiUrl(), null, null,
                null, null, null, null, Duration.ofMillis(300)), clock);

        SyncFailure failure = catchThrowableOfType(
                () -> impatient.publish(qwq(Fixtures.definition("llm")), "t", "paula"), SyncFailure.class);

        assertThat(failure.kind()).isEqualTo(FailureKind.TRANSIENT);
        assertThat(failure.httpStatus()).isZero();
    }

    static SyncJob qwq(JsonNode definition) {
        return new SyncJob("m-1", "QwQ-32B", ModelType.LLM, RepositoryChange.ADD_OR_REPLACE, definition,
                QWQ_UPDATED_AT, PAULA, 0, 1);
    }
}
