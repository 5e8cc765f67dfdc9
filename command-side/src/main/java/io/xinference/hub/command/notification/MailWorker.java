package io.xinference.hub.command.notification;

import io.xinference.hub.command.outbox.OutboxMetrics;
import io.xinference.hub.command.outbox.OutboxBacklog;
import io.xinference.hub.command.outbox.OutboxFeature;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Sends due mails from the outbox, outside any command or event-processing thread (the mail feature of the outbox). Per mail: the person's
 * preference (opted out: skipped), their address from the directory (none: skipped), the templates, SMTP. A
 * directory or mail server that fails is retried with back-off from the outbox, up to the attempt limit.
 */
public class MailWorker implements OutboxFeature {

    private static final Logger log = LoggerFactory.getLogger(MailWorker.class);
    /** Longer than one send can take (directory and SMTP timeouts); then a crashed send is retried. */
    private static final Duration CLAIM_LEASE = Duration.ofMinutes(5);
    private static final int MAX_PER_POLL = 50;

    private final OutboxMetrics metrics;
    private final MailOutbox outbox;
    private final MailPreferenceStore preferences;
    private final UserDirectory directory;
    private final MailTemplates templates;
    private final JavaMailSender mailSender;
    private final NotificationProperties properties;
    private final Clock clock;

    public MailWorker(MailOutbox outbox, MailPreferenceStore preferences, UserDirectory directory,
                      MailTemplates templates, JavaMailSender mailSender, NotificationProperties properties,
                      OutboxMetrics metrics, Clock clock) {
        this.metrics = metrics;
        this.outbox = outbox;
        this.preferences = preferences;
        this.directory = directory;
        this.templates = templates;
        this.mailSender = mailSender;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public String name() {
        return OutboxBacklog.MAIL;
    }

    @Override
    public int runDue() {
        return sendDueMails();
    }

    /** Finished mails are kept for the retention (to see what was sent). */
    @Override
    public int forgetFinished(Instant now) {
        return outbox.forgetFinishedBefore(now.minus(properties.retention()));
    }

    /** Sends every mail due now (up to a batch); returns how many were handled. */
    public int sendDueMails() {
        int handled = 0;
        Optional<MailJob> next;
        while (handled < MAX_PER_POLL && (next = outbox.claimNext(clock.instant(), CLAIM_LEASE)).isPresent()) {
            send(next.get());
            handled++;
        }
        return handled;
    }

    void send(MailJob job) {
        if (!job.kind().wantedBy(preferences.of(job.recipientSubject()))) {
            outbox.finish(job, "SKIPPED", "the recipient turned this mail off", clock.instant());
            metrics.attempted(name(), OutboxMetrics.Outcome.SKIPPED);
            return;
        }
        try {
            Optional<String> address = directory.emailOf(job.recipientSubject());
            if (address.isEmpty()) {
                outbox.finish(job, "SKIPPED", "the identity provider has no address for this person", clock.instant());
                metrics.attempted(name(), OutboxMetrics.Outcome.SKIPPED);
                return;
            }
            mailSender.send(message(address.get(), templates.render(job.kind(), job.data())));
            outbox.finish(job, "SENT", null, clock.instant());
            metrics.attempted(name(), OutboxMetrics.Outcome.DONE);
        } catch (UserDirectory.DirectoryUnavailable | MailException | MessagingException failure) {
            failed(job, failure.getMessage());
        } catch (RuntimeException unexpected) {
            log.warn("mail {} failed unexpectedly", job.id(), unexpected);
            failed(job, "unexpected error: " + unexpected);
        }
    }

    private void failed(MailJob job, String reason) {
        int attempt = job.attempts() + 1;
        if (attempt >= properties.maxAttempts()) {
            outbox.finish(job, "FAILED", "gave up after " + attempt + " attempts; last: " + reason, clock.instant());
            metrics.attempted(name(), OutboxMetrics.Outcome.FAILED);
            return;
        }
        Instant due = clock.instant().plus(properties.backoff().after(attempt));
        log.info("mail {} ({}) not sent, retry at {}: {}", job.id(), job.kind(), due, reason);
        outbox.retryAt(job, due, reason);
        metrics.attempted(name(), OutboxMetrics.Outcome.RETRY);
    }

    private MimeMessage message(String to, RenderedMail mail) throws MessagingException {
        MimeMessage message = mailSender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
        helper.setFrom(properties.from());
        helper.setTo(to);
        helper.setSubject(mail.subject());
        helper.setText(mail.text(), mail.html());
        return message;
    }
}
