package io.xinference.hub.command.webhook;

import io.xinference.hub.command.outbound.OutboundPolicy;
import io.xinference.hub.command.outbound.OutboundProperties;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookUrlPolicyTest {

    private final WebhookUrlPolicy strict = new WebhookUrlPolicy(new OutboundPolicy(OutboundProperties.defaults()), 100);
    private final WebhookUrlPolicy forTests = new WebhookUrlPolicy(new OutboundPolicy(new OutboundProperties(
            List.of("https", "http"), List.of("443", "1024-65535"), List.of("127.0.0.1/32"))), 100);

    @Test
    void httpsUrlsAreAccepted() {
        assertThat(strict.problemWith("https://ci.example.com/hooks/hub?team=ml")).isEmpty();
    }

    @Test
    void plainHttpIsRefusedUnlessConfiguredAndInternalAddressesUnlessTrusted() {
        assertThat(strict.problemWith("http://127.0.0.1:8080/hook")).contains("the scheme must be https");
        assertThat(forTests.problemWith("http://127.0.0.1:8080/hook")).isEmpty();
        assertThat(forTests.problemWith("http://127.0.0.2:8080/hook")).contains("must not point at a loopback address");
        assertThat(strict.problemWith("https://localhost/hook")).contains("must not point at a loopback address");
        assertThat(strict.problemWith("https://ci.example.com:8443/hook")).contains("port 8443 is not allowed");
    }

    @Test
    void otherSchemesRelativeUrlsCredentialsAndFragmentsAreRefused() {
        assertThat(strict.problemWith("ftp://example.com/hook")).isPresent();
        assertThat(strict.problemWith("file:///etc/passwd")).isPresent();
        assertThat(strict.problemWith("/relative")).isPresent();
        assertThat(strict.problemWith("https://user:pw@example.com/hook")).isPresent();
        assertThat(strict.problemWith("https://example.com/hook#part")).isPresent();
        assertThat(strict.problemWith("https://exa mple.com")).contains("not a URL");
        assertThat(strict.problemWith(" ")).isPresent();
        assertThat(strict.problemWith(null)).isPresent();
    }

    @Test
    void httpsToTheHubsOwnMachineOrNetworkIsRefused() {
        for (String url : List.of("https://127.0.0.1/hook", "https://10.1.2.3/hook", "https://192.168.0.10/x",
                "https://172.16.5.5/", "https://169.254.169.254/latest/meta-data", "https://0.0.0.0/",
                "https://[::1]/hook", "https://[fd00::1]/hook", "https://[fe80::1]/hook", "https://100.64.1.1/",
                "https://[::ffff:10.0.0.1]/")) {
            assertThat(strict.problemWith(url)).as(url).hasValueSatisfying(p -> assertThat(p).startsWith("must not point at a"));
        }
        assertThat(strict.problemWith("https://127.1/")).as("not read as 127.0.0.1").isPresent();
        assertThat(strict.problemWith("https://8.8.8.8/hook")).isEmpty();
        assertThat(strict.problemWith("https://[2606:4700::1111]/hook")).isEmpty();
    }

    @Test
    void aUrlOverTheLengthLimitIsRefused() {
        assertThat(strict.problemWith("https://example.com/" + "a".repeat(81))).contains("at most 100 characters");
    }
}
