package io.xinference.hub.command.it;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Mails through the real mail catcher, with addresses from the real Keycloak (read by the realm's
 * {@code models-hub-notifier} service account): review decisions to the submitter, new submissions to reviewers
 * who asked, expiry reminders to owners, and nothing to whoever turned a mail off.
 */
class NotificationMailIT extends CommandSideIT {

    private static final String QUERY_URL = "http://127.0.0.1:8082"; // HUB_QUERY_URL's default: tests do not set it

    @Test
    void theSubmitterHearsTheRejectionWithFeedbackAndALinkThenTheApproval() {
        String name = uniqueName("mail-review");
        String id = registered("alice", "PUBLIC", name, null);

        decide(id, "/rejection", Map.of("feedback", "Add the GGUF specs, <b>please</b>."));
        MailCatcher.Mail rejection = MailCatcher.awaitMail("alice@models-hub.local", "Changes requested: " + name);

        assertThat(rejection.from()).isEqualTo("no-reply@models-hub.local");
        assertThat(rejection.text()).contains("Your model " + name + " (llm) was not approved by rita",
                "Add the GGUF specs, <b>please</b>.", "Edit the model and submit it again: "
                        + QUERY_URL + "/models/detail/" + name);
        assertThat(rejection.html()).contains("Add the GGUF specs, &lt;b&gt;please&lt;/b&gt;.",
                "href=\"" + QUERY_URL + "/models/detail/" + name + "\"");

        assertThat(post(id, "/submission", "alice").status()).isEqualTo(200);
        decide(id, "/approval", null);
        MailCatcher.Mail approval = MailCatcher.awaitMail("alice@models-hub.local", "Approved: " + name);

        assertThat(approval.text()).contains("was approved by rita and is now published",
                QUERY_URL + "/models/detail/" + name);
        assertThat(MailCatcher.withSubject("alice@models-hub.local", "Changes requested: " + name)).hasSize(1);
    }

    @Test
    void reviewersWhoAskedHearOfNewSubmissionsAndOthersDoNot() {
        assertThat(preferences("rita", true, true, true, true).status()).isEqualTo(200);
        assertThat(preferences("adam", true, false, true, true).status()).isEqualTo(200);
        String name = uniqueName("mail-submission");

        String id = registered("bob", "PUBLIC", name, null);
        MailCatcher.Mail mail = MailCatcher.awaitMail("rita@models-hub.local", "New submission to review: " + name);

        assertThat(mail.text()).contains("bob submitted the public model " + name + " (llm) for review (round 1)",
                QUERY_URL + "/review-queue");
        assertThat(outboxRecipientsOf(id, "NEW_SUBMISSION")).containsExactly(subjectOf("rita"));
        assertThat(MailCatcher.withSubject("adam@models-hub.local", "New submission to review: " + name)).isEmpty();
    }

    @Test
    void onlyReviewersMayAskForNewSubmissions() {
        Api.Answer answer = preferences("bob", true, true, true, true);

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.contentType()).contains("application/problem+json");
        assertThat(answer.body().path("errors").get(0).path("pointer").asText()).isEqualTo("/newSubmissions");
    }

    @Test
    void aTurnedOffMailIsSkippedNotSent() {
        assertThat(preferences("audrey", false, false, true, true).status()).isEqualTo(200);
        String name = uniqueName("mail-skip");
        String id = registered("audrey", "PUBLIC", name, null);

        decide(id, "/rejection", Map.of("feedback", "not now"));

        await().atMost(Duration.ofSeconds(60)).until(() -> outboxStatuses(id, "REVIEW_REJECTED").contains("SKIPPED"));
        assertThat(MailCatcher.withSubject("audrey@models-hub.local", "Changes requested: " + name)).isEmpty();
        preferences("audrey", true, false, true, true);
    }

    @Test
    void anOwnerHearsAWeekBeforeTheModelExpiresAndAMovedDateMovesTheReminder() {
        String name = uniqueName("mail-expiry");
        String id = registered("alice", "PRIVATE", name, Instant.now().plus(Duration.ofDays(30)));
        await().atMost(Duration.ofSeconds(30)).until(() -> outboxStatuses(id, "EXPIRY_REMINDER").contains("PENDING"));

        Instant soon = Instant.now().plus(Duration.ofDays(7)).plusSeconds(2).truncatedTo(ChronoUnit.SECONDS);
        Api.Answer moved = api().call("PUT", "/api/registry/models/" + id + "/expiration").token(token("alice"))
                .json(Map.of("expiresAt", soon.toString())).send();
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);

        MailCatcher.Mail reminder = MailCatcher.awaitMail("alice@models-hub.local",
                name + " expires on " + java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
                        .withZone(java.time.ZoneOffset.UTC).format(soon));
        assertThat(reminder.text()).contains("Your model " + name + " (llm) expires on",
                QUERY_URL + "/models/detail/" + name);
        assertThat(outboxStatuses(id, "EXPIRY_REMINDER")).containsExactlyInAnyOrder("CANCELLED", "SENT");
    }

    @Test
    void preferencesStartWithTheDefaultsAndEveryChoiceIsRequired() {
        Api.Answer defaults = api().call("GET", "/api/users/me/notifications").token(token("paula")).send();
        Api.Answer incomplete = api().call("PUT", "/api/users/me/notifications").token(token("paula"))
                .json(Map.of("reviewDecisions", false)).send();
        Api.Answer unknownField = api().call("PUT", "/api/users/me/notifications").token(token("paula"))
                .json(Map.of("reviewDecisions", false, "newSubmissions", false, "expiryReminders", true,
                        "webhookAlerts", true, "sms", true)).send();

        assertThat(defaults.status()).isEqualTo(200);
        assertThat(defaults.body().toString()).isEqualTo("{\"reviewDecisions\":true,\"newSubmissions\":false,"
                + "\"expiryReminders\":true,\"webhookAlerts\":true}");
        assertThat(incomplete.status()).isEqualTo(400);
        assertThat(incomplete.body().path("errors").findValuesAsText("pointer"))
                .contains("/newSubmissions", "/expiryReminders", "/webhookAlerts");
        assertThat(unknownField.status()).isEqualTo(400);
        assertThat(api().call("GET", "/api/users/me/notifications").send().status()).isEqualTo(401);
    }

    private Api.Answer preferences(String user, boolean decisions, boolean submissions, boolean reminders,
                                   boolean webhookAlerts) {
        return api().call("PUT", "/api/users/me/notifications").token(token(user))
                .json(Map.of("reviewDecisions", decisions, "newSubmissions", submissions,
                        "expiryReminders", reminders, "webhookAlerts", webhookAlerts)).send();
    }

    private String registered(String user, String visibility, String name, Instant expiresAt) {
        Map<String, Object> body = new HashMap<>(registration("llm", visibility, fixtureNamed("llm", name)));
        if (expiresAt != null) {
            body.put("expiresAt", expiresAt.toString());
        }
        Api.Answer answer = api().call("POST", "/api/registry/models").token(token(user)).json(body).send();
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        return answer.body().path("modelId").asText();
    }

    private void decide(String id, String path, Object body) {
        Api.Call call = api().call("POST", "/api/registry/models/" + id + path).token(token("rita"));
        Api.Answer answer = (body == null ? call : call.json(body)).send();
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    }

    private Api.Answer post(String id, String path, String user) {
        return api().call("POST", "/api/registry/models/" + id + path).token(token(user)).send();
    }

    private List<String> outboxRecipientsOf(String modelId, String kind) {
        return jdbc.queryForList("SELECT recipient_subject FROM mail_outbox WHERE model_id = ? AND kind = ?",
                String.class, modelId, kind);
    }

    private List<String> outboxStatuses(String modelId, String kind) {
        return jdbc.queryForList("SELECT status FROM mail_outbox WHERE model_id = ? AND kind = ?",
                String.class, modelId, kind);
    }

    private String subjectOf(String user) {
        return api().call("GET", "/api/users/me").token(token(user)).send().body().path("subject").asText();
    }
}
