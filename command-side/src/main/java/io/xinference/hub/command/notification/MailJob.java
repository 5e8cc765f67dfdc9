package io.xinference.hub.command.notification;

import java.util.Map;

/**
 * One queued mail as the outbox holds it.
 *
 * @param data     the template's variables, as they were when the mail was queued
 * @param attempts failed sends so far
 */
public record MailJob(long id, MailKind kind, String recipientSubject, String modelId, Map<String, Object> data,
                      int attempts) {
}
