package io.xinference.hub.command.notification;

import java.util.function.Predicate;

/** The mails the hub sends, each with the preference that turns it off and its template. */
public enum MailKind {
    REVIEW_APPROVED("review-approved", MailPreferences::reviewDecisions),
    REVIEW_REJECTED("review-rejected", MailPreferences::reviewDecisions),
    NEW_SUBMISSION("new-submission", MailPreferences::newSubmissions),
    EXPIRY_REMINDER("expiry-reminder", MailPreferences::expiryReminders),
    WEBHOOK_PAUSED("webhook-paused", MailPreferences::webhookAlerts);

    private final String template;
    private final Predicate<MailPreferences> wanted;

    MailKind(String template, Predicate<MailPreferences> wanted) {
        this.template = template;
        this.wanted = wanted;
    }

    public String template() {
        return template;
    }

    public boolean wantedBy(MailPreferences preferences) {
        return wanted.test(preferences);
    }
}
