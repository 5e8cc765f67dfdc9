package io.xinference.hub.command.webhook;

import io.xinference.hub.command.definition.Violation;
import org.springframework.http.HttpStatus;

import java.util.List;

/** A webhook call the hub refuses, with the status and problem type it is answered with. */
public class WebhookRefusal extends RuntimeException {

    private final HttpStatus status;
    private final String type;
    private final String title;
    private final List<Violation> violations;

    private WebhookRefusal(HttpStatus status, String type, String title, String detail, List<Violation> violations) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.violations = violations;
    }

    static WebhookRefusal invalid(List<Violation> violations) {
        return new WebhookRefusal(HttpStatus.BAD_REQUEST, "invalid-webhook", "Invalid webhook",
                "the webhook has " + violations.size() + " invalid field(s)", violations);
    }

    static WebhookRefusal notFound() {
        return new WebhookRefusal(HttpStatus.NOT_FOUND, "webhook-not-found", "Webhook not found",
                "no such webhook among the caller's", List.of());
    }

    static WebhookRefusal deliveryNotFound() {
        return new WebhookRefusal(HttpStatus.NOT_FOUND, "delivery-not-found", "Delivery not found",
                "no such delivery of this webhook", List.of());
    }

    static WebhookRefusal tooMany(int limit) {
        return new WebhookRefusal(HttpStatus.CONFLICT, "too-many-webhooks", "Too many webhooks",
                "a person may register at most " + limit + " webhooks; delete one first", List.of());
    }

    static WebhookRefusal adminOnly() {
        return new WebhookRefusal(HttpStatus.FORBIDDEN, "not-permitted", "Not permitted",
                "only admins may receive every public model's events (scope ALL_PUBLIC)", List.of());
    }

    static WebhookRefusal storageUnavailable(String detail) {
        return new WebhookRefusal(HttpStatus.SERVICE_UNAVAILABLE, "webhooks-unavailable", "Webhooks unavailable",
                detail, List.of());
    }

    public HttpStatus status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public List<Violation> violations() {
        return violations;
    }
}
