package io.xinference.hub.command.outbound;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;
import java.net.URI;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class OutboundPolicyTest {

    private final OutboundPolicy policy = new OutboundPolicy(OutboundProperties.defaults());

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.8.9.10", "0.0.0.0", "10.1.2.3", "172.16.5.5", "172.31.255.255",
            "192.168.0.10", "169.254.169.254", "100.64.0.1", "100.127.255.254", "224.0.0.1", "239.255.255.250",
            "255.255.255.255", "::", "::1", "fd00::1", "fc00::1", "fe80::1", "ff02::1", "64:ff9b::7f00:1",
            "2002:7f00:1::", "2001:0:4136:e378::1", "::7f00:1", "fec0::1"})
    void internalAddressesAreRefused(String literal) throws Exception {
        assertThat(policy.refusalOf(InetAddress.getByName(literal))).as(literal).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "1.1.1.1", "100.63.255.255", "100.128.0.0", "172.32.0.1", "2606:4700::1111"})
    void publicAddressesPass(String literal) throws Exception {
        assertThat(policy.refusalOf(InetAddress.getByName(literal))).as(literal).isEmpty();
    }

    @Test
    void eachRefusalNamesItsRange() throws Exception {
        assertThat(policy.refusalOf(InetAddress.getByName("127.0.0.1"))).contains("a loopback address");
        assertThat(policy.refusalOf(InetAddress.getByName("100.64.0.1"))).contains("a carrier-grade NAT address");
        assertThat(policy.refusalOf(InetAddress.getByName("fd00::1"))).contains("a unique-local address");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://127.1/", "https://0x7f.0.0.1/", "https://2130706433/", "https://0177.0.0.1/",
            "https://017700000001/", "https://127.000.000.001/", "https://1.2.3/", "https://[::1%25lo]/"})
    void nonCanonicalHostsAreRefusedNotGuessedAt(String url) {
        assertThat(policy.refusalOf(URI.create(url))).as(url)
                .contains("the host must be a DNS name or a canonical IP address");
    }

    @Test
    void literalsAndLocalhostInsideAreRefusedWithoutALookup() {
        assertThat(policy.refusalOf(URI.create("https://127.0.0.1/"))).contains("a loopback address");
        assertThat(policy.refusalOf(URI.create("https://[::ffff:127.0.0.1]/"))).contains("a IPv4-mapped address");
        assertThat(policy.refusalOf(URI.create("https://[::ffff:8.8.8.8]/"))).contains("a IPv4-mapped address");
        assertThat(policy.refusalOf(URI.create("https://localhost/"))).contains("a loopback address");
        assertThat(policy.refusalOf(URI.create("https://api.localhost./"))).contains("a loopback address");
        assertThat(policy.refusalOf(URI.create("https://[fe80::1]/"))).contains("a link-local address");
    }

    @Test
    void onlyConfiguredSchemesAndPortsPass() {
        assertThat(policy.refusalOf(URI.create("https://hooks.example.com/x"))).isEmpty();
        assertThat(policy.refusalOf(URI.create("https://hooks.example.com:443/x"))).isEmpty();
        assertThat(policy.refusalOf(URI.create("http://hooks.example.com/x"))).contains("the scheme must be https");
        assertThat(policy.refusalOf(URI.create("https://hooks.example.com:22/x"))).contains("port 22 is not allowed");
        assertThat(policy.refusalOf(URI.create("ftp://hooks.example.com/x"))).isPresent();
        OutboundPolicy wider = new OutboundPolicy(new OutboundProperties(List.of("https", "http"),
                List.of("443", "8000-8999"), List.of()));
        assertThat(wider.refusalOf(URI.create("http://hooks.example.com:8080/x"))).isEmpty();
        assertThat(wider.refusalOf(URI.create("http://hooks.example.com:9000/x"))).contains("port 9000 is not allowed");
    }

    @Test
    void aTrustedNetworkIsReachedAndNothingElseInside() throws Exception {
        OutboundPolicy forTests = new OutboundPolicy(new OutboundProperties(null, null, List.of("127.0.0.1/32")));
        assertThat(forTests.refusalOf(InetAddress.getByName("127.0.0.1"))).isEmpty();
        assertThat(forTests.refusalOf(InetAddress.getByName("127.0.0.2"))).contains("a loopback address");
        assertThat(forTests.refusalOf(URI.create("https://localhost/"))).isEmpty();
    }
}
