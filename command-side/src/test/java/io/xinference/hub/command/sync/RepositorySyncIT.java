package io.xinference.hub.command.sync;

import io.xinference.hub.command.outbox.OutboxMetrics;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xinference.hub.devstack.Fixtures;
import io.xinference.hub.devstack.TestServices;
import io.xinference.hub.events.Actor;
import io.xinference.hub.events.ClientCompatibility;
import io.xinference.hub.events.EventMetadataKeys;
import io.xinference.hub.events.ExpiryCause;
import io.xinference.hub.events.ModelApproved;
import io.xinference.hub.events.ModelDeleted;
import io.xinference.hub.events.ModelExpirationDateSet;
import io.xinference.hub.events.ModelExpired;
import io.xinference.hub.events.ModelRegistered;
import io.xinference.hub.events.ModelStatus;
import io.xinference.hub.events.ModelType;
import io.xinference.hub.events.Visibility;
import io.xinference.hub.events.sync.FailureKind;
import io.xinference.hub.events.sync.RepositoryChange;
import io.xinference.hub.events.sync.RepositorySyncEvent;
import io.xinference.hub.events.sync.RepositorySyncFailed;
import io.xinference.hub.events.sync.RepositorySyncPullRequestOpened;
import io.xinference.hub.events.sync.RepositorySyncRequested;
import io.xinference.hub.events.sync.RepositorySyncRetried;
import io.xinference.hub.events.sync.RepositorySyncSkipped;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.http.RequestMethod.POST;
import static io.xinference.hub.command.sync.GithubPullRequestsTest.LLM_FILE;
import static io.xinference.hub.command.sync.GithubPullRequestsTest.QWQ_BRANCH;
import static io.xinference.hub.command.sync.GithubStub.REPO;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sync process end to end below Axon: model events in, the persistent schedule in the real PostgreSQL
 * ({@code hub_command_it}, a schema of its own per run), GitHub as a local stub, outcome events out. "A restart"
 * is a fresh worker over the same database, as after a JVM restart.
 */
class RepositorySyncIT {

    private static final Actor PAULA = new Actor("paula-subject", "paula");
    private static final Actor RITA = new Actor("rita-subject", "rita");
    private static String schema;
    private static DriverManagerDataSource dataSource;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T10:00:00Z"));
    private final List<RepositorySyncEvent> events = new ArrayList<>();
    private GithubStub github;
    private SyncSchedule schedule;
    private RepositorySyncProcess process;
    private String modelId;

    @BeforeAll
    static void createSchema() {
        schema = "repository_sync_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String url = TestServices.jdbcUrl("hub_command_it");
        new JdbcTemplate(new DriverManagerDataSource(url, TestServices.DB_USER, TestServices.DB_PASSWORD))
                .execute("CREATE SCHEMA " + schema);
        dataSource = new DriverManagerDataSource(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema,
                TestServices.DB_USER, TestServices.DB_PASSWORD);
        new ResourceDatabasePopulator(new ClassPathResource("db/migration/command/V50__repository_sync.sql"))
                .execute(dataSource);
    }

    @AfterAll
    static void dropSchema() {
        new JdbcTemplate(dataSource).execute("DROP SCHEMA " + schema + " CASCADE");
    }

    @BeforeEach
    void start() {
        github = new GithubStub();
        new JdbcTemplate(dataSource).update("DELETE FROM repository_sync"); // each test starts with no pending sync
        schedule = new SyncSchedule(new JdbcTemplate(dataSource));
        process = new RepositorySyncProcess(schedule, events::addAll);
        modelId = "model-" + UUID.randomUUID();
    }

    @AfterEach
    void stop() {
        github.close();
    }

    @Test
    void aPublishedPublicModelGetsAPullRequest() {
        qwqRepository();
        publishQwq();

        assertThat(worker("bot-token").runDueSyncs()).isOne();

        assertThat(events).hasSize(2);
        assertThat(events.get(0)).isEqualTo(new RepositorySyncRequested(modelId, "QwQ-32B", ModelType.LLM,
                RepositoryChange.ADD_OR_REPLACE, "ModelApproved", RITA));
        assertThat(events.get(1)).isEqualTo(new RepositorySyncPullRequestOpened(modelId, "QwQ-32B", ModelType.LLM,
                "xorbitsai/inference", 42, "https://github.com/xorbitsai/inference/pull/42", QWQ_BRANCH,
                "FEAT: [model] QwQ-32B support"));
        assertThat(schedule.dueAt(modelId)).isEmpty();
    }

    @Test
    void aServerErrorIsRetriedFromThePersistentScheduleAfterARestart() {
        qwqRepository();
        github.failsEverything(503);
        publishQwq();

        worker("bot-token").runDueSyncs();

        RepositorySyncFailed failed = (RepositorySyncFailed) events.get(1);
        assertThat(failed.kind()).isEqualTo(FailureKind.TRANSIENT);
        assertThat(failed.httpStatus()).isEqualTo(503);
        assertThat(failed.attempt()).isOne();
        assertThat(failed.nextAttemptAt()).isEqualTo(clock.instant().plus(SyncProperties.defaults().firstRetryDelay()));
        assertThat(schedule.dueAt(modelId)).contains(failed.nextAttemptAt());
        assertThat(worker("bot-token").runDueSyncs()).as("not due yet").isZero();

        github.recover();
        clock.set(failed.nextAttemptAt());
        RepositorySyncWorker afterRestart = worker("bot-token"); // new objects, same database
        assertThat(afterRestart.runDueSyncs()).isOne();

        assertThat(events.subList(2, events.size())).containsExactly(
                new RepositorySyncRetried(modelId, "QwQ-32B", ModelType.LLM, 2),
                new RepositorySyncPullRequestOpened(modelId, "QwQ-32B", ModelType.LLM, "xorbitsai/inference", 42,
                        "https://github.com/xorbitsai/inference/pull/42", QWQ_BRANCH, "FEAT: [model] QwQ-32B support"));
        assertThat(github.count(POST, REPO + "/pulls")).isOne();
    }

    @Test
    void aRateLimitWithRetryAfterWaitsAsLongAsGithubAskedThenSucceeds() {
        qwqRepository();
        github.failsEverything(429, "Retry-After", "600");
        publishQwq();

        worker("bot-token").runDueSyncs();

        RepositorySyncFailed failed = (RepositorySyncFailed) events.get(1);
        assertThat(failed.kind()).isEqualTo(FailureKind.TRANSIENT);
        assertThat(failed.nextAttemptAt()).isEqualTo(clock.instant().plusSeconds(600));
        clock.advance(Duration.ofSeconds(599));
        assertThat(worker("bot-token").runDueSyncs()).isZero();

        github.recover();
        clock.advance(Duration.ofSeconds(1));
        worker("bot-token").runDueSyncs();

        assertThat(events.get(events.size() - 1)).isInstanceOf(RepositorySyncPullRequestOpened.class);
    }

    @Test
    void badCredentialsEndTheSyncWithTheReasonRecorded() {
        qwqRepository();
        github.failsEverything(401);
        publishQwq();

        worker("revoked-token").runDueSyncs();

        RepositorySyncFailed failed = (RepositorySyncFailed) events.get(1);
        assertThat(failed.kind()).isEqualTo(FailureKind.PERMANENT);
        assertThat(failed.httpStatus()).isEqualTo(401);
        assertThat(failed.reason()).contains("Bad credentials");
        assertThat(failed.nextAttemptAt()).isNull();
        assertThat(schedule.dueAt(modelId)).isEmpty();
        clock.advance(Duration.ofDays(1));
        assertThat(worker("revoked-token").runDueSyncs()).isZero();
    }

    @Test
    void withoutAnyTokenTheSyncIsSkippedAndSaysWhy() {
        qwqRepository();
        publishQwq();

        worker(null).runDueSyncs();

        RepositorySyncSkipped skipped = (RepositorySyncSkipped) events.get(1);
        assertThat(skipped.reason()).contains("no GitHub token").contains("HUB_GITHUB_TOKEN");
        assertThat(github.requestedUrls()).isEmpty();
        assertThat(schedule.dueAt(modelId)).isEmpty();
    }

    @Test
    void thePersonsOwnTokenIsUsedBeforeTheBotToken() {
        qwqRepository();
        publishQwq();

        worker("bot-token", subject -> subject.equals(RITA.subject()) ? Optional.of("rita-token") : Optional.empty())
                .runDueSyncs();

        assertThat(github.server.getAllServeEvents())
                .allSatisfy(event -> assertThat(event.getRequest().getHeader("Authorization"))
                        .isEqualTo("token rita-token"));
    }

    @Test
    void aRunCutShortByACrashIsRedoneWithoutASecondPullRequest() throws Exception {
        qwqRepository();
        publishQwq();
        // run 1 claims the sync and opens the pull request, then the JVM dies before recording the outcome
        SyncJob claimed = schedule.claimNext(clock.instant(), Duration.ofMinutes(10)).orElseThrow();
        new GithubPullRequests(properties("bot-token"), clock).publish(claimed, "bot-token", "rita");
        byte[] committed = github.committedContent(LLM_FILE);
        github.withFile(LLM_FILE, QWQ_BRANCH, committed, "branch-sha")
                .withOpenPullRequest(42, QWQ_BRANCH, "FEAT: [model] QwQ-32B support");

        assertThat(worker("bot-token").runDueSyncs()).as("still claimed by the dead run").isZero();
        clock.advance(Duration.ofMinutes(11));
        assertThat(worker("bot-token").runDueSyncs()).isOne();

        assertThat(events.get(events.size() - 1)).isInstanceOfSatisfying(RepositorySyncSkipped.class,
                skipped -> assertThat(skipped.reason()).contains("#42 already proposes this change"));
        assertThat(github.count(POST, REPO + "/pulls")).isOne();
    }

    @Test
    void privateAndEnterpriseModelsNeverReachTheRepository() {
        for (Visibility visibility : List.of(Visibility.PRIVATE, Visibility.ENTERPRISE)) {
            String id = "model-" + UUID.randomUUID();
            process.on(registered(id, visibility, ModelStatus.APPROVED), clock.instant(), MetaData.emptyInstance());
            process.on(new ModelExpired(id, "QwQ-32B", ModelType.LLM, visibility, ExpiryCause.MANUAL),
                    clock.instant(), MetaData.emptyInstance());
            assertThat(schedule.find(id)).isEmpty();
        }

        assertThat(events).isEmpty();
        assertThat(worker("bot-token").runDueSyncs()).isZero();
    }

    @Test
    void aModelWaitingForReviewIsNotSyncedUntilApproved() {
        process.on(registered(modelId, Visibility.PUBLIC, ModelStatus.PENDING_REVIEW), clock.instant(),
                MetaData.emptyInstance());
        assertThat(events).isEmpty();

        publishQwq();

        assertThat(events).singleElement().isInstanceOf(RepositorySyncRequested.class);
    }

    @Test
    void aPublishedModelThatExpiresIsRemovedAndANeverPublishedOneIsLeftAlone() {
        publishQwq();
        process.on(new ModelExpired(modelId, "QwQ-32B", ModelType.LLM, Visibility.PUBLIC, ExpiryCause.SCHEDULED),
                clock.instant(), MetaData.from(Map.of(EventMetadataKeys.ACTOR_SUBJECT, "system",
                        EventMetadataKeys.ACTOR_USERNAME, "system")));
        String unpublished = "model-" + UUID.randomUUID();
        process.on(registered(unpublished, Visibility.PUBLIC, ModelStatus.PENDING_REVIEW), clock.instant(),
                MetaData.emptyInstance());
        process.on(new ModelDeleted(unpublished, "QwQ-32B", ModelType.LLM, Visibility.PUBLIC), clock.instant(),
                MetaData.emptyInstance());

        assertThat(events).hasSize(2);
        assertThat(events.get(1)).as("a scheduled expiry speaks for the owner").isEqualTo(new RepositorySyncRequested(
                modelId, "QwQ-32B", ModelType.LLM, RepositoryChange.REMOVE, "ModelExpired", PAULA));
    }

    @Test
    void aNewExpirationDateOfAPublishedModelResyncsIt() {
        qwqRepository();
        publishQwq();
        worker("bot-token").runDueSyncs();

        process.on(new ModelExpirationDateSet(modelId, "QwQ-32B", ModelType.LLM, Visibility.PUBLIC,
                Instant.parse("2027-06-01T00:00:00Z")), clock.instant(), actedBy(PAULA));

        assertThat(events.get(events.size() - 1)).isEqualTo(new RepositorySyncRequested(modelId, "QwQ-32B",
                ModelType.LLM, RepositoryChange.ADD_OR_REPLACE, "ModelExpirationDateSet", PAULA));
        assertThat(schedule.dueAt(modelId)).isPresent();
    }

    private void publishQwq() {
        process.on(registered(modelId, Visibility.PUBLIC, ModelStatus.PENDING_REVIEW), clock.instant(),
                actedBy(PAULA));
        process.on(new ModelApproved(modelId, "QwQ-32B", ModelType.LLM, Visibility.PUBLIC, 1, RITA,
                qwqDefinition()), clock.instant(), actedBy(RITA));
    }

    private void qwqRepository() {
        github.withRepository()
                .withFile(LLM_FILE, "main", RepositoryTestFiles.bytes("llm_family-without-qwq.json"), "base-sha")
                .withoutBranch(QWQ_BRANCH)
                .opensPullRequest(42);
    }

    private ModelRegistered registered(String id, Visibility visibility, ModelStatus status) {
        return new ModelRegistered(id, "QwQ-32B", ModelType.LLM, visibility, qwqDefinition(), "# QwQ", PAULA,
                status, null, ClientCompatibility.allClients());
    }

    private static ObjectNode qwqDefinition() {
        return Fixtures.definition("llm");
    }

    private static MetaData actedBy(Actor actor) {
        return MetaData.from(Map.of(EventMetadataKeys.ACTOR_SUBJECT, actor.subject(),
                EventMetadataKeys.ACTOR_USERNAME, actor.username()));
    }

    private RepositorySyncWorker worker(String botToken) {
        return worker(botToken, subject -> Optional.empty());
    }

    private RepositorySyncWorker worker(String botToken, GithubTokenSource personalTokens) {
        SyncProperties properties = properties(botToken);
        return new RepositorySyncWorker(new SyncSchedule(new JdbcTemplate(dataSource)),
                new GithubPullRequests(properties, clock), personalTokens, properties, events::addAll,
                new TransactionTemplate(new DataSourceTransactionManager(dataSource)), OutboxMetrics.unread(), clock);
    }

    private SyncProperties properties(String botToken) {
        return SyncProperties.defaults().withApiUrl(github.apiUrl()).withBotToken(botToken);
    }
}
