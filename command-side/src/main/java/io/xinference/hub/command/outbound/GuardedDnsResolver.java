package io.xinference.hub.command.outbound;

import org.apache.hc.client5.http.DnsResolver;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The HTTP client's only resolver: it looks the host up once, refuses the whole request if any address is not
 * allowed (a name answering one public and one internal address is refused too), and hands the checked addresses
 * to the client, which connects to them. There is no second lookup between check and connect, so a name whose DNS
 * answer changes in between (DNS rebinding) cannot slip past.
 */
final class GuardedDnsResolver implements DnsResolver {

    private final OutboundPolicy policy;
    private final HostResolver resolver;

    GuardedDnsResolver(OutboundPolicy policy, HostResolver resolver) {
        this.policy = policy;
        this.resolver = resolver;
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        InetAddress[] addresses = resolver.resolve(host);
        if (addresses == null || addresses.length == 0) {
            throw new UnknownHostException(host);
        }
        for (InetAddress address : addresses) {
            var refusal = policy.refusalOf(address);
            if (refusal.isPresent()) {
                throw new RefusedByPolicy(host, "resolves to " + refusal.get());
            }
        }
        return addresses;
    }

    @Override
    public String resolveCanonicalHostname(String host) {
        return host; // no reverse lookups: nothing here depends on them
    }
}
