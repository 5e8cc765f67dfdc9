package io.xinference.hub.command.outbound;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

/**
 * The addresses a server-side request must never reach: the hub's own machine and every network that is not the
 * public internet (IANA's special-purpose registries). IPv6 forms that embed an IPv4 address (mapped, compatible,
 * NAT64, 6to4, Teredo) are refused whole, since the embedded address could be any of the others. Each range is
 * named, so a refusal says which rule it hit (in the operator's log; the owner sees only "refused by policy").
 */
final class ForbiddenAddresses {

    private static final List<AddressRange> RANGES = List.of(
            AddressRange.parse("unspecified", "0.0.0.0/8"),
            AddressRange.parse("private", "10.0.0.0/8"),
            AddressRange.parse("carrier-grade NAT", "100.64.0.0/10"),
            AddressRange.parse("loopback", "127.0.0.0/8"),
            AddressRange.parse("link-local", "169.254.0.0/16"),
            AddressRange.parse("private", "172.16.0.0/12"),
            AddressRange.parse("IETF protocol assignments", "192.0.0.0/24"),
            AddressRange.parse("documentation", "192.0.2.0/24"),
            AddressRange.parse("private", "192.168.0.0/16"),
            AddressRange.parse("benchmarking", "198.18.0.0/15"),
            AddressRange.parse("documentation", "198.51.100.0/24"),
            AddressRange.parse("documentation", "203.0.113.0/24"),
            AddressRange.parse("multicast", "224.0.0.0/4"),
            AddressRange.parse("reserved", "240.0.0.0/4"),
            AddressRange.parse("unspecified", "::/128"),
            AddressRange.parse("loopback", "::1/128"),
            AddressRange.parse("IPv4-mapped", "::ffff:0:0/96"),
            AddressRange.parse("IPv4-compatible", "::/96"),
            AddressRange.parse("IPv4/IPv6 translation", "64:ff9b::/96"),
            AddressRange.parse("IPv4/IPv6 translation", "64:ff9b:1::/48"),
            AddressRange.parse("discard-only", "100::/64"),
            AddressRange.parse("Teredo", "2001::/32"),
            AddressRange.parse("documentation", "2001:db8::/32"),
            AddressRange.parse("6to4", "2002::/16"),
            AddressRange.parse("unique-local", "fc00::/7"),
            AddressRange.parse("link-local", "fe80::/10"),
            AddressRange.parse("site-local", "fec0::/10"),
            AddressRange.parse("multicast", "ff00::/8"));

    private ForbiddenAddresses() {
    }

    /** @return the name of the range the address lies in, or empty when it is an ordinary public address */
    static Optional<String> rangeOf(InetAddress address) {
        if (address instanceof Inet6Address v6 && v6.getScopeId() != 0) {
            return Optional.of("scoped IPv6");
        }
        return RANGES.stream().filter(range -> range.contains(address)).map(AddressRange::name).findFirst();
    }
}
