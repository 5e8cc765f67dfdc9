package io.xinference.hub.command.notification;

/** A mail ready to send: a plain-text body and the same in HTML. */
public record RenderedMail(String subject, String text, String html) {
}
