package io.xinference.hub.command.notification;

import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.util.List;

import static io.xinference.hub.command.outbox.LeasedClaims.utc;

/** The {@code mail_preference} table: one row per person who changed the defaults. */
public class MailPreferenceStore {

    private final JdbcTemplate jdbc;

    public MailPreferenceStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public MailPreferences of(String subject) {
        return jdbc.query("""
                        SELECT review_decisions, new_submissions, expiry_reminders, webhook_alerts
                        FROM mail_preference WHERE user_subject = ?""",
                (rs, row) -> new MailPreferences(rs.getBoolean(1), rs.getBoolean(2), rs.getBoolean(3),
                        rs.getBoolean(4)), subject).stream().findFirst().orElse(MailPreferences.DEFAULTS);
    }

    /** @param reviewer whether the person may review now; {@code viewsAdvanced} whether they see enterprise models */
    public void save(String subject, MailPreferences preferences, boolean reviewer, boolean viewsAdvanced, Instant now) {
        jdbc.update("""
                        INSERT INTO mail_preference (user_subject, review_decisions, new_submissions, expiry_reminders,
                                                     webhook_alerts, reviewer, views_advanced, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (user_subject) DO UPDATE SET review_decisions = EXCLUDED.review_decisions,
                            new_submissions = EXCLUDED.new_submissions, expiry_reminders = EXCLUDED.expiry_reminders,
                            webhook_alerts = EXCLUDED.webhook_alerts, reviewer = EXCLUDED.reviewer,
                            views_advanced = EXCLUDED.views_advanced, updated_at = EXCLUDED.updated_at""",
                subject, preferences.reviewDecisions(), preferences.newSubmissions(), preferences.expiryReminders(),
                preferences.webhookAlerts(), reviewer, viewsAdvanced, utc(now));
    }

    /** Reviewers who asked for new submissions; enterprise submissions only to those who may see them. */
    public List<String> reviewersWantingSubmissions(boolean enterprise) {
        return jdbc.queryForList("""
                        SELECT user_subject FROM mail_preference
                        WHERE new_submissions AND reviewer AND (views_advanced OR NOT ?)""",
                String.class, enterprise);
    }
}
