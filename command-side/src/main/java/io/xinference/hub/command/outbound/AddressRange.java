package io.xinference.hub.command.outbound;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** A block of IPv4 or IPv6 addresses written as {@code address/prefix}; only IP literals, never host names. */
record AddressRange(String name, byte[] network, int prefix) {

    static AddressRange parse(String name, String cidr) {
        int slash = cidr.indexOf('/');
        String literal = slash < 0 ? cidr.trim() : cidr.substring(0, slash).trim();
        if (!literal.contains(":") && !literal.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            throw new IllegalArgumentException("not an IP address range: " + cidr);
        }
        try {
            InetAddress network = InetAddress.getByName(literal); // a literal: parsed, never looked up
            // Java turns ::ffff:a.b.c.d into an Inet4Address; keep the 16 bytes for an IPv6 range
            byte[] bytes = network instanceof Inet4Address && literal.contains(":")
                    ? mapped(network.getAddress()) : network.getAddress();
            int prefix = slash < 0 ? bytes.length * 8 : Integer.parseInt(cidr.substring(slash + 1).trim());
            if (prefix < 0 || prefix > bytes.length * 8) {
                throw new IllegalArgumentException("prefix out of range: " + cidr);
            }
            return new AddressRange(name, bytes, prefix);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP address range: " + cidr, e);
        }
    }

    boolean contains(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (bytes.length != network.length) {
            return false;
        }
        int full = prefix / 8;
        for (int i = 0; i < full; i++) {
            if (bytes[i] != network[i]) {
                return false;
            }
        }
        int rest = prefix % 8;
        int mask = (0xff << (8 - rest)) & 0xff;
        return rest == 0 || (bytes[full] & mask) == (network[full] & mask);
    }

    private static byte[] mapped(byte[] v4) {
        return new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, v4[0], v4[1], v4[2], v4[3]};
    }
}
