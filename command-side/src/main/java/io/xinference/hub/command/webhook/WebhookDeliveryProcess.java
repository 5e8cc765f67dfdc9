package io.xinference.hub.command.webhook;

import io.xinference.hub.command.outbox.OutboxProcessing;
import io.xinference.hub.events.EventMetadataKeys;
import io.xinference.hub.events.ModelEvent;
import io.xinference.hub.events.Visibility;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;

import java.time.Clock;

/**
 * Turns every model event into queued deliveries for the webhooks allowed to receive it ({@link WebhookRouting}).
 * It is the webhook handler of the one outbox processor ({@link OutboxProcessing}): it only writes rows, in the
 * processor's transaction together with its token; {@link WebhookDeliveryWorker} does the HTTP, so slow or dead
 * receivers stay away from commands and projections.
 */
@ProcessingGroup(OutboxProcessing.PROCESSING_GROUP)
public class WebhookDeliveryProcess {

    private final WebhookStore webhooks;
    private final DeliveryStore deliveries;
    private final WebhookPayloads payloads;
    private final Clock clock;

    public WebhookDeliveryProcess(WebhookStore webhooks, DeliveryStore deliveries, WebhookPayloads payloads,
                                  Clock clock) {
        this.webhooks = webhooks;
        this.deliveries = deliveries;
        this.payloads = payloads;
        this.clock = clock;
    }

    @EventHandler
    public void on(ModelEvent event, EventMessage<?> message) {
        EventKind kind = EventKind.of(event);
        if (kind == EventKind.MODEL_REGISTERED) {
            // a registration names its owner
            event.namedPerson().ifPresent(owner -> webhooks.rememberOwner(event.modelId(), owner.subject()));
        }
        Visibility visibility = event.visibility();
        String owner = webhooks.ownerOf(event.modelId()).orElse(null);
        String body = null;
        for (Webhook hook : webhooks.candidatesFor(owner)) {
            if (WebhookRouting.receives(hook, owner, visibility, kind)) {
                if (body == null) {
                    Object actor = message.getMetaData().get(EventMetadataKeys.ACTOR_USERNAME);
                    body = payloads.body(message.getIdentifier(), event, message.getTimestamp(),
                            actor == null ? null : actor.toString());
                }
                deliveries.queue(hook.id(), message.getIdentifier(), kind, event.modelId(), body, clock.instant());
            }
        }
    }
}
