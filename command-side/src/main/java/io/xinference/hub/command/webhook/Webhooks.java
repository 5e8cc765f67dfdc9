package io.xinference.hub.command.webhook;

import io.xinference.hub.command.definition.Violation;
import io.xinference.hub.command.outbound.OutboundPolicy;
import io.xinference.hub.security.CurrentUser;
import io.xinference.hub.security.HubPermission;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Registering, changing and reading webhooks and their delivery logs. A webhook is its owner's alone: another
 * person (admins included) gets 404 for it, so ids reveal nothing.
 */
public class Webhooks {

    static final int LOG_SIZE = 100;

    private final WebhookStore store;
    private final DeliveryStore deliveries;
    private final WebhookSecrets secrets;
    private final WebhookUrlPolicy urls;
    private final WebhookProperties properties;
    private final Clock clock;

    public Webhooks(WebhookStore store, DeliveryStore deliveries, WebhookSecrets secrets,
                    WebhookProperties properties, OutboundPolicy outbound, Clock clock) {
        this.store = store;
        this.deliveries = deliveries;
        this.secrets = secrets;
        this.urls = new WebhookUrlPolicy(outbound, properties.maxUrlLength());
        this.properties = properties;
        this.clock = clock;
    }

    /** @return the new webhook with its secret, the only time the secret is shown */
    @Transactional
    public WebhookView create(CurrentUser caller, WebhookRequest request) {
        WebhookScope scope = request.scope() == null ? WebhookScope.OWN_MODELS : request.scope();
        Set<EventKind> kinds = validated(request);
        if (scope == WebhookScope.ALL_PUBLIC && !caller.has(HubPermission.ADMIN)) {
            throw WebhookRefusal.adminOnly();
        }
        if (!secrets.available()) {
            throw WebhookRefusal.storageUnavailable(new WebhookSecrets.SecretStorageUnavailable().getMessage());
        }
        if (store.countOwnedBy(caller.subject()) >= properties.maxPerUser()) {
            throw WebhookRefusal.tooMany(properties.maxPerUser());
        }
        Instant now = clock.instant();
        String id = UUID.randomUUID().toString();
        String secret = secrets.generate();
        Webhook hook = new Webhook(id, caller.actor().orElseThrow(), request.url().strip(), kinds, scope,
                request.active() == null || request.active(), null, 0, now, now);
        store.create(hook, secrets.seal(secret, id));
        return WebhookView.of(hook, secret);
    }

    public List<WebhookView> list(CurrentUser caller) {
        return store.ownedBy(caller.subject()).stream().map(hook -> WebhookView.of(hook, null)).toList();
    }

    public WebhookView get(CurrentUser caller, String id) {
        return WebhookView.of(owned(caller, id), null);
    }

    @Transactional
    public WebhookView update(CurrentUser caller, String id, WebhookRequest request) {
        Webhook hook = owned(caller, id);
        Set<EventKind> kinds = validated(request);
        if (request.scope() != null && request.scope() != hook.scope()) {
            throw WebhookRefusal.invalid(List.of(new Violation("/scope", "the scope is fixed at creation")));
        }
        boolean active = request.active() == null ? hook.active() : request.active();
        store.update(id, request.url().strip(), kinds, active, clock.instant());
        return get(caller, id);
    }

    @Transactional
    public void delete(CurrentUser caller, String id) {
        owned(caller, id);
        store.delete(id);
    }

    public List<Delivery> deliveries(CurrentUser caller, String id) {
        owned(caller, id);
        return deliveries.log(id, LOG_SIZE);
    }

    public Delivery delivery(CurrentUser caller, String id, String deliveryId) {
        owned(caller, id);
        return deliveries.find(id, deliveryId).orElseThrow(WebhookRefusal::deliveryNotFound);
    }

    /** Sends a delivery's body again, as a new delivery due now (also to a paused hook, once it is resumed). */
    @Transactional
    public Delivery redeliver(CurrentUser caller, String id, String deliveryId) {
        Delivery original = delivery(caller, id, deliveryId);
        String copy = deliveries.redeliver(original, clock.instant());
        return deliveries.find(id, copy).orElseThrow();
    }

    private Webhook owned(CurrentUser caller, String id) {
        return store.find(id).filter(hook -> hook.owner().subject().equals(caller.subject()))
                .orElseThrow(WebhookRefusal::notFound);
    }

    private Set<EventKind> validated(WebhookRequest request) {
        List<Violation> violations = new ArrayList<>();
        urls.problemWith(request.url()).ifPresent(problem -> violations.add(new Violation("/url", problem)));
        Set<EventKind> kinds = EnumSet.noneOf(EventKind.class);
        if (request.eventKinds() == null || request.eventKinds().isEmpty()) {
            violations.add(new Violation("/eventKinds", "name at least one event kind"));
        } else if (request.eventKinds().size() > EventKind.values().length) {
            violations.add(new Violation("/eventKinds", "at most " + EventKind.values().length + " kinds"));
        } else {
            for (int i = 0; i < request.eventKinds().size(); i++) {
                Optional<EventKind> kind = EventKind.fromWire(request.eventKinds().get(i));
                if (kind.isPresent()) {
                    kinds.add(kind.get());
                } else {
                    violations.add(new Violation("/eventKinds/" + i, "unknown event kind; one of "
                            + List.of(EventKind.values()).stream().map(EventKind::wire).toList()));
                }
            }
        }
        if (!violations.isEmpty()) {
            throw WebhookRefusal.invalid(violations);
        }
        return kinds;
    }
}
