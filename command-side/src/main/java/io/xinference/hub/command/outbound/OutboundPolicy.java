package io.xinference.hub.command.outbound;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Where the hub's own requests may go: the one rule for every server-side fetch. A URL passes {@link #refusalOf(URI)}
 * when its scheme and port are configured and its host is a DNS name or a canonical IP literal; an address passes
 * {@link #refusalOf(InetAddress)} when it is public (see {@link ForbiddenAddresses}) or in a trusted network.
 * {@link OutboundHttp} applies both at every request, to the addresses it resolved itself and then connects to.
 */
public final class OutboundPolicy {

    /** Dotted-quad with no leading zeros: what {@code 127.1}, {@code 0x7f.0.0.1}, {@code 017700000001} are not. */
    private static final Pattern CANONICAL_IPV4 =
            Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    /** LDH labels; the last one starts with a letter, as every top-level domain does, so no numeric host passes. */
    private static final Pattern DNS_NAME =
            Pattern.compile("([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)*[a-z]([a-z0-9-]{0,61}[a-z0-9])?\\.?");

    private static final String NOT_CANONICAL = "the host must be a DNS name or a canonical IP address";

    private final Set<String> schemes;
    private final List<int[]> ports;
    private final List<AddressRange> trusted;

    public OutboundPolicy(OutboundProperties properties) {
        this.schemes = properties.schemes().stream().map(s -> s.trim().toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
        this.ports = properties.ports().stream().map(OutboundPolicy::portRange).toList();
        this.trusted = properties.trustedNetworks().stream().map(n -> AddressRange.parse("trusted", n)).toList();
    }

    /** @return why a request to this URL is refused before any lookup, or empty when it may be tried */
    public Optional<String> refusalOf(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!schemes.contains(scheme)) {
            return Optional.of("the scheme must be " + String.join(" or ", schemes.stream().sorted().toList()));
        }
        if (!portAllowed(portOf(uri))) {
            return Optional.of("port " + portOf(uri) + " is not allowed");
        }
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (host.startsWith("[") && host.endsWith("]")) {
            return refusalOfLiteral(host.substring(1, host.length() - 1));
        }
        if (CANONICAL_IPV4.matcher(host).matches()) {
            return refusalOfLiteral(host);
        }
        if (!DNS_NAME.matcher(host).matches()) {
            return Optional.of(NOT_CANONICAL);
        }
        String name = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        if (name.equals("localhost") || name.endsWith(".localhost")) {
            // RFC 6761: always the loopback, whatever DNS says
            return refusalOfLiteral("127.0.0.1");
        }
        return Optional.empty();
    }

    /** @return the forbidden range the address lies in, or empty when it is public or trusted */
    public Optional<String> refusalOf(InetAddress address) {
        if (trusted.stream().anyMatch(range -> range.contains(address))) {
            return Optional.empty();
        }
        return ForbiddenAddresses.rangeOf(address).map(range -> "a " + range + " address");
    }

    static int portOf(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return "http".equalsIgnoreCase(uri.getScheme()) ? 80 : 443;
    }

    private boolean portAllowed(int port) {
        return ports.stream().anyMatch(range -> port >= range[0] && port <= range[1]);
    }

    private Optional<String> refusalOfLiteral(String text) {
        if (text.contains("%") || !(text.contains(":") || CANONICAL_IPV4.matcher(text).matches())) {
            return Optional.of(NOT_CANONICAL); // zone ids name an interface of the hub's own machine
        }
        try {
            InetAddress address = InetAddress.getByName(text); // an IP literal: parsed, never looked up
            if (text.contains(":") && address instanceof java.net.Inet4Address) {
                return Optional.of("a IPv4-mapped address"); // Java reads [::ffff:a.b.c.d] as a.b.c.d
            }
            return refusalOf(address);
        } catch (UnknownHostException e) {
            return Optional.of(NOT_CANONICAL);
        }
    }

    private static int[] portRange(String text) {
        String[] bounds = text.trim().split("-", 2);
        int low = Integer.parseInt(bounds[0].trim());
        int high = bounds.length == 2 ? Integer.parseInt(bounds[1].trim()) : low;
        if (low < 1 || high > 65535 || low > high) {
            throw new IllegalArgumentException("hub.outbound.ports: not a port or port range: " + text);
        }
        return new int[] {low, high};
    }
}
