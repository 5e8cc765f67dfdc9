package io.xinference.hub.command.notification;

import io.xinference.hub.events.Actor;
import io.xinference.hub.events.ModelApproved;
import io.xinference.hub.events.ModelExpirationDateSet;
import io.xinference.hub.events.ModelRegistered;
import io.xinference.hub.events.ModelRejected;
import io.xinference.hub.events.ModelStatus;
import io.xinference.hub.events.ModelSubmittedForReview;
import io.xinference.hub.events.ModelType;
import io.xinference.hub.events.Visibility;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** Who gets which mail for which event, without a database: the stores are mocks. */
class MailNotificationProcessTest {

    private static final Instant NOW = Instant.parse("2027-01-10T10:00:00Z");
    private static final Actor ALICE = new Actor("alice-subject", "alice");
    private static final Actor PAULA = new Actor("paula-subject", "paula");
    private static final Actor RITA = new Actor("rita-subject", "rita");

    private final NotifiedModels models = mock(NotifiedModels.class);
    private final MailOutbox outbox = mock(MailOutbox.class);
    private final MailPreferenceStore preferences = mock(MailPreferenceStore.class);
    private final MailNotificationProcess process = new MailNotificationProcess(models, outbox, preferences,
            new NotificationProperties(null, null, "https://hub.example/", null, null, null, null, null, null),
            Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void theDecisionGoesToWhoeverSubmittedTheRoundNotTheOwner() {
        when(models.find("m1")).thenReturn(Optional.of(new NotifiedModel("m1", "qwen", ALICE, PAULA, null)));

        process.on(new ModelApproved("m1", "qwen", ModelType.LLM, Visibility.PUBLIC, 2, RITA, null), NOW);

        verify(outbox).queue(eq(MailKind.REVIEW_APPROVED), eq(PAULA.subject()), eq("m1"), any(), eq(NOW), eq(NOW));
    }

    @Test
    void aRejectionCarriesTheFeedbackAndTheLinkToTheModelPage() {
        when(models.find("m1")).thenReturn(Optional.of(new NotifiedModel("m1", "qwen 2", ALICE, ALICE, null)));

        process.on(new ModelRejected("m1", "qwen 2", ModelType.LLM, Visibility.PUBLIC, 1, RITA, "add a license"), NOW);

        Map<String, Object> data = queued(MailKind.REVIEW_REJECTED, ALICE.subject());
        assertThat(data).containsEntry("feedback", "add a license")
                .containsEntry("modelUrl", "https://hub.example/models/detail/qwen%202")
                .containsEntry("reviewer", "rita");
    }

    @Test
    void reviewersWhoAskedHearOfASubmissionButNotTheSubmitterThemself() {
        when(models.find("m1")).thenReturn(Optional.of(new NotifiedModel("m1", "qwen", ALICE, null, null)));
        when(preferences.reviewersWantingSubmissions(false)).thenReturn(List.of(RITA.subject(), PAULA.subject()));

        process.on(new ModelSubmittedForReview("m1", "qwen", ModelType.LLM, Visibility.PUBLIC, 2, PAULA, null, null), NOW);

        verify(outbox).queue(eq(MailKind.NEW_SUBMISSION), eq(RITA.subject()), eq("m1"), any(), eq(NOW), eq(NOW));
        verify(outbox, never()).queue(eq(MailKind.NEW_SUBMISSION), eq(PAULA.subject()), any(), any(), any(), any());
    }

    @Test
    void enterpriseSubmissionsOnlyReachReviewersWhoSeeEnterpriseModels() {
        when(preferences.reviewersWantingSubmissions(true)).thenReturn(List.of());

        process.on(registered(Visibility.ENTERPRISE, ModelStatus.PENDING_REVIEW, null), NOW);

        verify(preferences).reviewersWantingSubmissions(true);
        verify(outbox, never()).queue(eq(MailKind.NEW_SUBMISSION), any(), any(), any(), any(), any());
    }

    @Test
    void aPrivateModelIsNeverAnnounced() {
        process.on(registered(Visibility.PRIVATE, ModelStatus.APPROVED, null), NOW);

        verify(preferences, never()).reviewersWantingSubmissions(anyBoolean());
        verify(outbox, never()).queue(any(), anyString(), any(), any(), any(), any());
    }

    @Test
    void theExpiryReminderIsDueAWeekBeforeTheDate() {
        Instant expiresAt = NOW.plus(Duration.ofDays(30));

        process.on(registered(Visibility.PRIVATE, ModelStatus.APPROVED, expiresAt), NOW);

        verify(outbox).queue(eq(MailKind.EXPIRY_REMINDER), eq(ALICE.subject()), eq("m1"), any(),
                eq(expiresAt.minus(Duration.ofDays(7))), eq(NOW));
    }

    @Test
    void withLessThanAWeekLeftTheReminderIsDueAtOnceAndAPastDateGetsNone() {
        process.on(registered(Visibility.PRIVATE, ModelStatus.APPROVED, NOW.plus(Duration.ofDays(2))), NOW);
        verify(outbox).queue(eq(MailKind.EXPIRY_REMINDER), eq(ALICE.subject()), eq("m1"), any(), eq(NOW), eq(NOW));

        process.on(registered(Visibility.PRIVATE, ModelStatus.APPROVED, NOW.minusSeconds(1)), NOW);
        verify(outbox).queue(eq(MailKind.EXPIRY_REMINDER), any(), any(), any(), any(), any());
    }

    @Test
    void aClearedDateCancelsThePendingReminderAndQueuesNone() {
        when(models.find("m1")).thenReturn(Optional.of(new NotifiedModel("m1", "qwen", ALICE, null, null)));

        process.on(new ModelExpirationDateSet("m1", "qwen", ModelType.LLM, Visibility.PRIVATE, null), NOW);

        verify(outbox).cancelPending("m1", MailKind.EXPIRY_REMINDER, NOW);
        verify(outbox, never()).queue(any(), any(), any(), any(), any(), any());
    }

    private static ModelRegistered registered(Visibility visibility, ModelStatus status, Instant expiresAt) {
        return new ModelRegistered("m1", "qwen", ModelType.LLM, visibility, null, "# readme", ALICE, status,
                expiresAt, null);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> queued(MailKind kind, String recipient) {
        ArgumentCaptor<Map<String, Object>> data = ArgumentCaptor.forClass(Map.class);
        verify(outbox).queue(eq(kind), eq(recipient), any(), data.capture(), any(), any());
        return data.getValue();
    }
}
