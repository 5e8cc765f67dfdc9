package io.xinference.hub.command.webhook;

import io.xinference.hub.command.outbound.OutboundPolicy;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/**
 * Which receiver URLs the hub accepts at registration: absolute URLs with a host, no user info, no fragment, within
 * the length limit, and whatever the {@link OutboundPolicy} already refuses without a lookup (scheme, port, a
 * non-canonical host, an IP literal or {@code localhost} inside the hub's networks). Names are resolved, and their
 * addresses checked, at every delivery.
 */
public final class WebhookUrlPolicy {

    private final OutboundPolicy outbound;
    private final int maxLength;

    public WebhookUrlPolicy(OutboundPolicy outbound, int maxLength) {
        this.outbound = outbound;
        this.maxLength = maxLength;
    }

    /** @return why the URL is refused, or empty when it is fine */
    public Optional<String> problemWith(String url) {
        if (url == null || url.isBlank()) {
            return Optional.of("a receiver URL is required");
        }
        if (url.length() > maxLength) {
            return Optional.of("at most " + maxLength + " characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("not a URL");
        }
        if (!uri.isAbsolute() || uri.getHost() == null || uri.getHost().isBlank()) {
            return Optional.of("must be an absolute URL with a host");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("must not carry a user name or password");
        }
        if (uri.getRawFragment() != null) {
            return Optional.of("must not have a fragment");
        }
        return outbound.refusalOf(uri).map(reason -> reason.startsWith("a ") ? "must not point at " + reason : reason);
    }
}
