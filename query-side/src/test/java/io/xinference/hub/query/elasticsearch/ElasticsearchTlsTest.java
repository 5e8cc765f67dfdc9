package io.xinference.hub.query.elasticsearch;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.ResponseException;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.elasticsearch.ElasticsearchRestClientAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.pem.PemSslStoreBundle;
import org.springframework.boot.ssl.pem.PemSslStoreDetails;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import javax.net.ssl.SSLHandshakeException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The query side reaches an Elasticsearch with security on as the production compose file runs it: HTTPS with a
 * certificate from the cluster's own CA ({@code HUB_ES_CA_CERT}) and a user and password ({@code HUB_ES_USERNAME},
 * {@code HUB_ES_PASSWORD}). A local HTTPS server stands in for the node (its certificate signed by a test CA,
 * and it asks for the credentials as Elasticsearch does).
 */
class ElasticsearchTlsTest {

    private static final String TLS = "classpath:elasticsearch-tls/";
    private static HttpsServer node;

    private final ApplicationContextRunner app = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class,
                    ElasticsearchRestClientAutoConfiguration.class))
            .withUserConfiguration(ElasticsearchConfiguration.class)
            .withPropertyValues("spring.elasticsearch.uris=https://localhost:" + node.getAddress().getPort());

    @BeforeAll
    static void startNode() throws IOException {
        node = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        node.setHttpsConfigurator(new HttpsConfigurator(SslBundle.of(new PemSslStoreBundle(
                PemSslStoreDetails.forCertificate(TLS + "node.crt").withPrivateKey(TLS + "node.key"), null))
                .createSslContext()));
        String expected = "Basic " + Base64.getEncoder().encodeToString("hub:s3cret".getBytes(StandardCharsets.UTF_8));
        node.createContext("/", exchange -> {
            boolean signedIn = expected.equals(exchange.getRequestHeaders().getFirst("Authorization"));
            if (!signedIn) {
                exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"security\"");
            }
            byte[] body = (signedIn ? "{\"cluster_name\":\"test\"}" : "{\"status\":401}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.getResponseHeaders().add("X-elastic-product", "Elasticsearch");
            exchange.sendResponseHeaders(signedIn ? 200 : 401, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        node.start();
    }

    @AfterAll
    static void stopNode() {
        node.stop(0);
    }

    @Test
    void trustsTheClusterCaAndSignsIn() {
        app.withPropertyValues("hub.elasticsearch.ca-certificate=" + TLS + "ca.crt",
                        "spring.elasticsearch.username=hub", "spring.elasticsearch.password=s3cret")
                .run(context -> assertThat(context.getBean(RestClient.class).performRequest(new Request("GET", "/"))
                        .getStatusLine().getStatusCode()).isEqualTo(200));
    }

    @Test
    void refusesANodeWhoseCertificateAnotherCaSigned() {
        app.withPropertyValues("hub.elasticsearch.ca-certificate=" + TLS + "other-ca.crt",
                        "spring.elasticsearch.username=hub", "spring.elasticsearch.password=s3cret")
                .run(context -> assertThatThrownBy(() -> context.getBean(RestClient.class)
                        .performRequest(new Request("GET", "/"))).isInstanceOf(SSLHandshakeException.class)
                        .hasMessageContaining("PKIX path building failed"));
    }

    @Test
    void withoutTheCredentialsTheNodeAnswers401() {
        app.withPropertyValues("hub.elasticsearch.ca-certificate=" + TLS + "ca.crt")
                .run(context -> assertThatThrownBy(() -> context.getBean(RestClient.class)
                        .performRequest(new Request("GET", "/"))).isInstanceOfSatisfying(ResponseException.class,
                        e -> assertThat(e.getResponse().getStatusLine().getStatusCode()).isEqualTo(401)));
    }
}
