package io.xinference.hub.command.webhook;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which receiver URLs the hub accepts: absolute HTTPS URLs with a host, no user info, no fragment, within the
 * length limit, not to an IP literal of a loopback, private or link-local network; plain HTTP only to 127.0.0.1
 * and only when {@code hub.webhooks.allow-loopback-http} says so (tests and development).
 */
public final class WebhookUrlPolicy {

    private static final Pattern IP_LITERAL = Pattern.compile("[0-9.]+|[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

    private final boolean allowLoopbackHttp;
    private final int maxLength;

    public WebhookUrlPolicy(boolean allowLoopbackHttp, int maxLength) {
        this.allowLoopbackHttp = allowLoopbackHttp;
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
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.getHost() == null || uri.getHost().isBlank()) {
            return Optional.of("must be an absolute URL with a host");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("must not carry a user name or password");
        }
        if (uri.getRawFragment() != null) {
            return Optional.of("must not have a fragment");
        }
        if (scheme.equals("https")) {
            return internalAddress(uri.getHost())
                    ? Optional.of("must not point at a loopback, private or link-local address")
                    : Optional.empty();
        }
        if (scheme.equals("http") && allowLoopbackHttp && uri.getHost().equals("127.0.0.1")) {
            return Optional.empty();
        }
        return Optional.of(allowLoopbackHttp ? "must be https (or http://127.0.0.1)" : "must be https");
    }

    /**
     * An IP literal of the hub's own machine or network: a webhook must not make the hub call its neighbours.
     * Host names are not resolved here (that would not stop DNS rebinding anyway); see the package notes.
     */
    private boolean internalAddress(String host) {
        String literal = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (!IP_LITERAL.matcher(literal).matches()) {
            return false;
        }
        try {
            InetAddress address = InetAddress.getByName(literal); // a literal: parsed, never looked up
            return address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                    || address.isAnyLocalAddress() || address.isMulticastAddress()
                    || (address instanceof Inet6Address && (address.getAddress()[0] & 0xfe) == 0xfc);
        } catch (UnknownHostException e) {
            return true;
        }
    }
}
