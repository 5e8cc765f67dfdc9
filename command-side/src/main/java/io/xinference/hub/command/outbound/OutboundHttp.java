package io.xinference.hub.command.outbound;

import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The hub's one way to send a request to a URL someone else chose. Every request is checked by the
 * {@link OutboundPolicy} twice: the URL (scheme, port, host form, IP literals) before anything else, then each
 * address its host resolves to, by the client's own resolver ({@link GuardedDnsResolver}), whose answer is what the
 * client connects to. Redirects are not followed (a receiver answers where it was registered, or fails), no proxy,
 * cookie or retry is used, and no connection is kept for the next request, so every request resolves afresh.
 * <p>
 * The answer is an {@link OutboundOutcome}; why a request was refused or got no answer goes to this class's log
 * for operators, never to the caller.
 */
public final class OutboundHttp implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OutboundHttp.class);

    private final OutboundPolicy policy;
    private final CloseableHttpClient client;

    public OutboundHttp(OutboundPolicy policy, HostResolver resolver, Duration timeout) {
        this.policy = policy;
        Timeout limit = Timeout.of(timeout);
        this.client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(new GuardedDnsResolver(policy, resolver))
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(limit).setSocketTimeout(limit).build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(limit).build())
                .setConnectionReuseStrategy((request, response, context) -> false)
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .build();
    }

    /** POSTs the body with the given headers (including its {@code Content-Type}). */
    public OutboundOutcome post(String url, Map<String, String> headers, byte[] body) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            log.info("outbound request refused: not a URL");
            return OutboundOutcome.refusedByPolicy();
        }
        Optional<String> refusal = policy.refusalOf(uri);
        if (refusal.isPresent()) {
            log.info("outbound request to {} refused: {}", uri.getHost(), refusal.get());
            return OutboundOutcome.refusedByPolicy();
        }
        HttpPost post = new HttpPost(uri);
        headers.forEach(post::setHeader);
        post.setEntity(new ByteArrayEntity(body, null));
        try {
            return OutboundOutcome.answered(client.execute(post, response -> response.getCode()));
        } catch (IOException e) {
            RefusedByPolicy refused = refusedIn(e);
            if (refused != null) {
                log.info("outbound request refused: {}", refused.getMessage());
                return OutboundOutcome.refusedByPolicy();
            }
            log.info("outbound request to {} got no answer: {}", uri.getHost(), e.toString());
            return OutboundOutcome.noAnswer();
        }
    }

    private static RefusedByPolicy refusedIn(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof RefusedByPolicy refused) {
                return refused;
            }
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        client.close();
    }
}
