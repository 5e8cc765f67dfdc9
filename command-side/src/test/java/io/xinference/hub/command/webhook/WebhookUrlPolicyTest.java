package io.xinference.hub.command.webhook;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookUrlPolicyTest {

    private final WebhookUrlPolicy strict = new WebhookUrlPolicy(false, 100);
    private final WebhookUrlPolicy forTests = new WebhookUrlPolicy(true, 100);

    @Test
    void httpsUrlsAreAccepted() {
        assertThat(strict.problemWith("https://ci.example.com/hooks/hub?team=ml")).isEmpty();
    }

    @Test
    void plainHttpIsRefusedUnlessLoopbackIsAllowedAndTheHostIsLoopback() {
        assertThat(strict.problemWith("http://127.0.0.1:8080/hook")).contains("must be https");
        assertThat(forTests.problemWith("http://127.0.0.1:8080/hook")).isEmpty();
        assertThat(forTests.problemWith("http://example.com/hook")).isPresent();
        assertThat(forTests.problemWith("http://localhost:8080/hook")).isPresent();
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
        for (String url : List.of("https://127.0.0.1/hook", "https://10.1.2.3/hook", "https://192.168.0.10:8443/x",
                "https://172.16.5.5/", "https://169.254.169.254/latest/meta-data", "https://0.0.0.0/",
                "https://[::1]/hook", "https://[fd00::1]/hook", "https://[fe80::1]/hook")) {
            assertThat(forTests.problemWith(url)).as(url).contains("must not point at a loopback, private or link-local address");
        }
        assertThat(strict.problemWith("https://8.8.8.8/hook")).isEmpty();
        assertThat(strict.problemWith("https://[2001:db8::1]/hook")).isEmpty();
    }

    @Test
    void aUrlOverTheLengthLimitIsRefused() {
        assertThat(strict.problemWith("https://example.com/" + "a".repeat(81))).contains("at most 100 characters");
    }
}
