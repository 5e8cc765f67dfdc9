package io.xinference.hub.command.notification;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MailTemplatesTest {

    private final MailTemplates templates = new MailTemplates();

    @Test
    void aRejectionCarriesTheFeedbackAndTheLinkToFixTheModel() {
        RenderedMail mail = templates.render(MailKind.REVIEW_REJECTED, Map.of("modelName", "qwen-tiny",
                "modelType", "llm", "round", 2, "reviewer", "rita", "feedback", "Please add the license.",
                "modelUrl", "http://hub.example/models/detail/qwen-tiny"));

        assertThat(mail.subject()).isEqualTo("Changes requested: qwen-tiny");
        assertThat(mail.text()).contains("qwen-tiny (llm) was not approved by rita (review round 2)",
                "Please add the license.", "http://hub.example/models/detail/qwen-tiny");
        assertThat(mail.html()).contains("Please add the license.",
                "href=\"http://hub.example/models/detail/qwen-tiny\"");
    }

    @Test
    void anApprovalSaysPublishedWithTheLink() {
        RenderedMail mail = templates.render(MailKind.REVIEW_APPROVED, Map.of("modelName", "qwen-tiny",
                "modelType", "llm", "round", 1, "reviewer", "rita", "modelUrl", "http://hub.example/models/detail/qwen-tiny"));

        assertThat(mail.subject()).isEqualTo("Approved: qwen-tiny");
        assertThat(mail.text()).contains("was approved by rita and is now published",
                "http://hub.example/models/detail/qwen-tiny");
    }

    @Test
    void markupInFeedbackIsEscapedInTheHtmlPart() {
        RenderedMail mail = templates.render(MailKind.REVIEW_REJECTED, Map.of("modelName", "m", "modelType", "llm",
                "round", 1, "reviewer", "rita", "feedback", "<script>alert(1)</script><a href=\"x\">fix</a>",
                "modelUrl", "http://hub.example/models/detail/m"));

        assertThat(mail.html()).doesNotContain("<script>").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(mail.text()).contains("<script>alert(1)</script>"); // plain text shows what was written
    }

    @Test
    void aSubjectIsOneLineWhateverTheModelName() {
        RenderedMail mail = templates.render(MailKind.REVIEW_APPROVED, Map.of("modelName", "evil\r\nBcc: x@y",
                "modelType", "llm", "round", 1, "modelUrl", "u"));

        assertThat(mail.subject()).doesNotContain("\r", "\n");
    }

    @Test
    void theExpiryReminderNamesTheDateReadably() {
        RenderedMail mail = templates.render(MailKind.EXPIRY_REMINDER, Map.of("modelName", "voice",
                "modelType", "audio", "expiresAt", "2027-03-01T12:30:00Z", "modelUrl", "http://hub.example/models/detail/voice"));

        assertThat(mail.subject()).isEqualTo("voice expires on 2027-03-01 12:30 UTC");
        assertThat(mail.text()).contains("expires on 2027-03-01 12:30 UTC", "http://hub.example/models/detail/voice");
    }

    @Test
    void aNewSubmissionPointsReviewersToTheQueue() {
        Map<String, Object> data = new LinkedHashMap<>(Map.of("modelName", "qwen-tiny", "modelType", "llm",
                "round", 1, "submitter", "paula", "visibility", "PUBLIC",
                "reviewQueueUrl", "http://hub.example/review-queue", "modelUrl", "http://hub.example/models/detail/qwen-tiny"));

        RenderedMail mail = templates.render(MailKind.NEW_SUBMISSION, data);

        assertThat(mail.text()).contains("paula submitted the public model qwen-tiny (llm) for review (round 1)",
                "http://hub.example/review-queue");
    }

    @Test
    void aPausedWebhookSaysWhyAndHowToResume() {
        RenderedMail mail = templates.render(MailKind.WEBHOOK_PAUSED, Map.of("webhookId", "w1",
                "url", "https://ci.example.com/hook", "failures", 4, "lastError", "the receiver answered 500"));

        assertThat(mail.subject()).isEqualTo("Webhook paused: https://ci.example.com/hook");
        assertThat(mail.text()).contains("after 4 failed deliveries", "the receiver answered 500",
                "PUT /api/webhooks/w1");
    }
}
