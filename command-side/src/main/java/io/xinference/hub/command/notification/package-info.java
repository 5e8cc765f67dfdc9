/**
 * Mail notifications: the submitter hears the review decision, reviewers who asked hear of new submissions, an
 * owner hears a week before a model expires, and a webhook's owner hears when it was paused.
 *
 * <p>Flow: {@link io.xinference.hub.command.notification.MailNotificationProcess} (the mail handler of the
 * one outbox processor, {@link io.xinference.hub.command.outbox.OutboxProcessing}) reads model events, keeps what later events do not say
 * (owner, last submitter, expiration date) in {@code mail_model}, and queues mails in {@code mail_outbox} in the
 * processor's transaction. The outbox's one poller hands due rows to
 * {@link io.xinference.hub.command.notification.MailWorker}, which checks the recipient's preference, reads the
 * address from Keycloak ({@link io.xinference.hub.command.notification.KeycloakUserDirectory}, service account of
 * the confidential client {@code models-hub-notifier} with realm-management {@code view-users}), renders the
 * templates and sends through SMTP ({@code spring.mail.*} bound to {@code HUB_SMTP_HOST}/{@code HUB_SMTP_PORT}).
 *
 * <p>Decisions:
 * <ul>
 *   <li>Templates: Thymeleaf (the engine alone, no MVC view resolver): HTML mode escapes every {@code th:text}
 *   value (model names, feedback), TEXT mode renders the plain-text part from the same variables, and it is the
 *   engine Spring Boot supports best. Templates in {@code classpath:mail/}, subjects in
 *   {@link io.xinference.hub.command.notification.MailTemplates}.</li>
 *   <li>The address and the preference are read when the mail is sent, not when it is queued: a later opt-out or
 *   address change counts, and the event processor never waits for Keycloak.</li>
 *   <li>Expiry reminders are outbox rows due {@code hub.notifications.reminder-lead} (7 days) before the date, or at
 *   once when less is left; a changed or cleared date, an expiry or a deletion cancels the pending one. Being rows,
 *   they survive restarts.</li>
 *   <li>New submissions go to people who opted in and whose token granted a review permission when they saved;
 *   enterprise submissions only to those who could then see enterprise models. Private models are never reviewed
 *   and never announced.</li>
 *   <li>Failures (Keycloak or SMTP) are retried with the shared {@link io.xinference.hub.command.outbox.RetryBackoff}
 *   up to {@code max-attempts}; a person without an address, or who turned the mail off, is SKIPPED.</li>
 *   <li>The outbox processor starts at the head of the event stream the first time: a hub that gains this feature does not
 *   mail about the past. Models registered before are therefore unknown to it (no decision mails for them).</li>
 * </ul>
 */
package io.xinference.hub.command.notification;
