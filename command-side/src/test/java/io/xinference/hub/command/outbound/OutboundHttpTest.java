package io.xinference.hub.command.outbound;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The guard on real sockets: the names are answered by a resolver this test controls, and a listener on 127.0.0.2
 * plays the hub's neighbour, which must never see a connection. Plain HTTP on free ports is allowed here (the
 * listeners cannot speak TLS); the address rules are the production ones.
 */
class OutboundHttpTest {

    private static final byte[] BODY = "{\"kind\":\"model.registered\"}".getBytes(StandardCharsets.UTF_8);
    private static final Map<String, String> HEADERS = Map.of("Content-Type", "application/json");

    private final Listener neighbour = new Listener("127.0.0.2", "204");
    private final List<Listener> listeners = new CopyOnWriteArrayList<>(List.of(neighbour));

    @AfterEach
    void close() {
        listeners.forEach(Listener::close);
    }

    @Test
    void aNameThatResolvesToLoopbackIsRefusedAndNothingIsContacted() {
        OutboundHttp http = http(List.of(), host -> addresses("127.0.0.2"));

        OutboundOutcome outcome = http.post(neighbour.url("hooks.example.com"), HEADERS, BODY);

        assertThat(outcome).isEqualTo(OutboundOutcome.refusedByPolicy());
        assertThat(outcome.describe()).isEqualTo("refused by policy");
        assertThat(neighbour.connections()).isZero();
    }

    @Test
    void oneInternalAddressAmongPublicOnesRefusesTheRequest() {
        OutboundHttp http = http(List.of(), host -> addresses("8.8.8.8", "127.0.0.2"));

        assertThat(http.post(neighbour.url("hooks.example.com"), HEADERS, BODY))
                .isEqualTo(OutboundOutcome.refusedByPolicy());
        assertThat(neighbour.connections()).isZero();
    }

    @Test
    void theCheckedAddressIsTheOneConnectedToAndTheNameIsResolvedOncePerRequest() {
        Listener receiver = listen("127.0.0.1", "204");
        AtomicInteger lookups = new AtomicInteger();
        // DNS rebinding: the first answer is allowed, every later one points at the neighbour
        OutboundHttp http = http(List.of("127.0.0.1/32"),
                host -> lookups.incrementAndGet() == 1 ? addresses("127.0.0.1") : addresses("127.0.0.2"));

        OutboundOutcome first = http.post(receiver.url("hooks.example.com"), HEADERS, BODY);

        assertThat(first).isEqualTo(OutboundOutcome.answered(204));
        assertThat(first.describe()).isEqualTo("delivered");
        assertThat(lookups).hasValue(1);
        assertThat(receiver.hosts()).containsExactly("hooks.example.com:" + receiver.port());
        OutboundOutcome second = http.post(receiver.url("hooks.example.com"), HEADERS, BODY);
        assertThat(second).as("resolved again at the next request, and refused").isEqualTo(OutboundOutcome.refusedByPolicy());
        assertThat(neighbour.connections()).isZero();
    }

    @Test
    void aRedirectIsNotFollowedButIsTheReceiversFailure() {
        Listener receiver = listen("127.0.0.1", "302", "Location: " + neighbour.url("127.0.0.2"));
        OutboundHttp http = http(List.of("127.0.0.1/32"), host -> addresses("127.0.0.1"));

        OutboundOutcome outcome = http.post(receiver.url("hooks.example.com"), HEADERS, BODY);

        assertThat(outcome).isEqualTo(OutboundOutcome.answered(302));
        assertThat(outcome.describe()).isEqualTo("failed with HTTP 302");
        assertThat(receiver.connections()).isEqualTo(1);
        assertThat(neighbour.connections()).isZero();
    }

    @Test
    void aClosedPortIsNoAnswerWithoutDetail() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            closed = socket.getLocalPort();
        }
        OutboundHttp http = http(List.of("127.0.0.1/32"), host -> addresses("127.0.0.1"));

        OutboundOutcome outcome = http.post("http://hooks.example.com:" + closed + "/hook", HEADERS, BODY);

        assertThat(outcome).isEqualTo(OutboundOutcome.noAnswer());
        assertThat(outcome.describe()).isEqualTo("no answer");
    }

    @Test
    void aLiteralOrANonCanonicalHostIsRefusedBeforeAnyLookup() {
        AtomicInteger lookups = new AtomicInteger();
        OutboundHttp http = http(List.of(), host -> {
            lookups.incrementAndGet();
            return addresses("127.0.0.2");
        });

        assertThat(http.post(neighbour.url("127.0.0.2"), HEADERS, BODY)).isEqualTo(OutboundOutcome.refusedByPolicy());
        assertThat(http.post(neighbour.url("2130706434"), HEADERS, BODY)).isEqualTo(OutboundOutcome.refusedByPolicy());
        assertThat(http.post(neighbour.url("[::ffff:127.0.0.2]"), HEADERS, BODY))
                .isEqualTo(OutboundOutcome.refusedByPolicy());
        assertThat(http.post("file:///etc/passwd", HEADERS, BODY)).isEqualTo(OutboundOutcome.refusedByPolicy());
        assertThat(lookups).hasValue(0);
        assertThat(neighbour.connections()).isZero();
    }

    private static OutboundHttp http(List<String> trusted, HostResolver resolver) {
        OutboundPolicy policy = new OutboundPolicy(new OutboundProperties(List.of("http"), List.of("1-65535"), trusted));
        return new OutboundHttp(policy, resolver, Duration.ofSeconds(5));
    }

    private Listener listen(String address, String status, String... headers) {
        Listener listener = new Listener(address, status, headers);
        listeners.add(listener);
        return listener;
    }

    private static InetAddress[] addresses(String... literals) throws UnknownHostException {
        InetAddress[] addresses = new InetAddress[literals.length];
        for (int i = 0; i < literals.length; i++) {
            addresses[i] = InetAddress.getByName(literals[i]);
        }
        return addresses;
    }

    /** A bare HTTP/1.1 listener that counts every connection accepted (even one that sends nothing). */
    private static final class Listener implements AutoCloseable {

        private final ServerSocket socket;
        private final AtomicInteger connections = new AtomicInteger();
        private final List<String> hosts = new CopyOnWriteArrayList<>();

        Listener(String address, String status, String... headers) {
            try {
                socket = new ServerSocket();
                socket.bind(new InetSocketAddress(address, 0));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            Thread accepting = new Thread(() -> {
                while (!socket.isClosed()) {
                    try (Socket connection = socket.accept()) {
                        connections.incrementAndGet();
                        answer(connection, status, headers);
                    } catch (IOException e) {
                        // closed, or a client that went away
                    }
                }
            });
            accepting.setDaemon(true);
            accepting.start();
        }

        private void answer(Socket connection, String status, String... headers) throws IOException {
            BufferedReader in = new BufferedReader(new InputStreamReader(connection.getInputStream(), StandardCharsets.ISO_8859_1));
            int length = 0;
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                String lower = line.toLowerCase();
                if (lower.startsWith("host:")) {
                    hosts.add(line.substring(5).trim());
                } else if (lower.startsWith("content-length:")) {
                    length = Integer.parseInt(line.substring(15).trim());
                }
            }
            in.skip(length);
            OutputStream out = connection.getOutputStream();
            out.write(("HTTP/1.1 " + status + " X\r\n" + String.join("", java.util.Arrays.stream(headers)
                    .map(header -> header + "\r\n").toList()) + "Content-Length: 0\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        }

        int port() {
            return socket.getLocalPort();
        }

        String url(String host) {
            return "http://" + host + ":" + port() + "/hook";
        }

        int connections() {
            return connections.get();
        }

        List<String> hosts() {
            return hosts;
        }

        @Override
        public void close() {
            try {
                socket.close();
            } catch (IOException e) {
                // already closed
            }
        }
    }
}
