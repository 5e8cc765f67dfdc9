package io.xinference.hub.devstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Hostile bearer tokens for HTTP-level tests of the resource servers, built from a real Keycloak token.
 * <p>
 * Claim checks (issuer, audience, expiry, not-before) can only be reached by a token whose signature verifies, and
 * nobody outside Keycloak holds the realm's private key. So the test apps read their keys from {@link #jwkSetUri()}:
 * a local JWK set holding the realm's real keys (fetched from Keycloak, served verbatim) plus one test key
 * ({@value #TEST_KEY_ID}). A real token's claims, changed one at a time and signed with the test key, then prove each
 * claim check; {@link #testKeySigned()} (unchanged claims) is the control that the test key alone is accepted.
 */
public final class HostileTokens {

    public static final String TEST_KEY_ID = "hub-test-key";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();
    private static volatile HostileTokens shared;

    private final KeyPair testKey;
    private final KeyPair strangerKey;
    private final JsonNode realmKeys;
    private final HttpServer jwks;

    private HostileTokens(String keycloakUrl) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            testKey = generator.generateKeyPair();
            strangerKey = generator.generateKeyPair();
            realmKeys = fetch(keycloakUrl + "/realms/" + KeycloakTokens.REALM + "/protocol/openid-connect/certs");
            ObjectNode served = realmKeys.deepCopy();
            ((ArrayNode) served.withArray("keys")).add(jwk((RSAPublicKey) testKey.getPublic(), TEST_KEY_ID));
            byte[] body = JSON.writeValueAsBytes(served);
            jwks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            jwks.createContext("/certs", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            jwks.setExecutor(null);
            jwks.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One per JVM, for the Keycloak of {@code ./hub test} (its JWK endpoint lives as long as the JVM). */
    public static HostileTokens forTestServices() {
        if (shared == null) {
            synchronized (HostileTokens.class) {
                if (shared == null) {
                    shared = new HostileTokens(TestServices.keycloakUrl());
                }
            }
        }
        return shared;
    }

    /** The JWK set the test apps trust: the realm's keys plus the test key. */
    public String jwkSetUri() {
        return "http://127.0.0.1:" + jwks.getAddress().getPort() + "/certs";
    }

    /**
     * Every attack, named, made from a real access token: {@code alg: none}, HS256 signed with the realm's public
     * key, wrong issuer, wrong audience, expired, not yet valid, unknown key id, tampered payload, bad signature,
     * garbage; and made by changing the claims of the real one: no {@code sub} (Keycloak leaves it out for a client
     * without the {@code basic} scope), no {@code exp}, a refresh token's and an ID token's {@code typ}, issued an
     * hour in the future.
     */
    public Map<String, String> from(String realToken) {
        String[] parts = realToken.split("\\.");
        ObjectNode claims = (ObjectNode) read(B64D.decode(parts[1]));
        long now = Instant.now().getEpochSecond();
        Map<String, String> attacks = new LinkedHashMap<>();
        attacks.put("alg none", encode(header("none", null)) + "." + parts[1] + ".");
        attacks.put("HS256 signed with the realm's public key", hmacWithRealmKey(claims));
        attacks.put("wrong issuer", signed(testKey, TEST_KEY_ID, changed(claims, c -> c.put("iss", "http://evil.example/realms/models-hub"))));
        attacks.put("wrong audience", signed(testKey, TEST_KEY_ID, changed(claims, c -> c.put("aud", "another-api"))));
        attacks.put("expired", signed(testKey, TEST_KEY_ID, changed(claims, c -> c.put("iat", now - 7200).put("exp", now - 3600))));
        attacks.put("not yet valid", signed(testKey, TEST_KEY_ID, changed(claims, c -> c.put("nbf", now + 3600))));
        attacks.put("unknown key id", signed(strangerKey, "stranger-key", claims));
        attacks.put("tampered payload", parts[0] + "." + B64.encodeToString(write(
                changed(claims, c -> c.put("preferred_username", "adam")))) + "." + parts[2]);
        attacks.put("bad signature", parts[0] + "." + parts[1] + "." + B64.encodeToString(new byte[256]));
        attacks.put("garbage", "not-a-token");
        attacks.put("no sub", signed(testKey, TEST_KEY_ID, changed(claims, c -> c.remove("sub"))));
        attacks.put("no exp", signed(testKey, TEST_KEY_ID, changed(claims, c -> c.remove("exp"))));
        attacks.put("a refresh token", signed(testKey, TEST_KEY_ID, changed(claims, c -> c.put("typ", "Refresh"))));
        attacks.put("an ID token", signed(testKey, TEST_KEY_ID, changed(claims, c -> c.put("typ", "ID"))));
        attacks.put("issued an hour in the future", signed(testKey, TEST_KEY_ID, changed(claims,
                c -> c.put("iat", now + 3600).put("exp", now + 3900))));
        return attacks;
    }

    /** The real token's claims, unchanged, signed with the trusted test key: must be accepted (the control). */
    public String testKeySigned(String realToken) {
        return signed(testKey, TEST_KEY_ID, (ObjectNode) read(B64D.decode(realToken.split("\\.")[1])));
    }

    private String hmacWithRealmKey(ObjectNode claims) {
        try {
            JsonNode key = signingKey();
            PublicKey publicKey = KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(
                    new BigInteger(1, B64D.decode(key.path("n").asText())),
                    new BigInteger(1, B64D.decode(key.path("e").asText()))));
            String input = encode(header("HS256", key.path("kid").asText())) + "." + B64.encodeToString(write(claims));
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(publicKey.getEncoded(), "HmacSHA256"));
            return input + "." + B64.encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode signingKey() {
        for (JsonNode key : realmKeys.path("keys")) {
            if ("RS256".equals(key.path("alg").asText()) && !"enc".equals(key.path("use").asText())) {
                return key;
            }
        }
        throw new IllegalStateException("the realm publishes no RS256 signing key: " + realmKeys);
    }

    private static String signed(KeyPair key, String keyId, ObjectNode claims) {
        try {
            String input = encode(header("RS256", keyId)) + "." + B64.encodeToString(write(claims));
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key.getPrivate());
            signature.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + B64.encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode changed(ObjectNode claims, Consumer<ObjectNode> change) {
        ObjectNode copy = claims.deepCopy();
        change.accept(copy);
        return copy;
    }

    private static ObjectNode header(String alg, String keyId) {
        ObjectNode header = JSON.createObjectNode().put("alg", alg).put("typ", "JWT");
        if (keyId != null) {
            header.put("kid", keyId);
        }
        return header;
    }

    private static ObjectNode jwk(RSAPublicKey key, String keyId) {
        return JSON.createObjectNode().put("kty", "RSA").put("kid", keyId).put("use", "sig").put("alg", "RS256")
                .put("n", B64.encodeToString(unsigned(key.getModulus())))
                .put("e", B64.encodeToString(unsigned(key.getPublicExponent())));
    }

    private static byte[] unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        return bytes[0] == 0 ? java.util.Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }

    private static String encode(JsonNode json) {
        return B64.encodeToString(write(json));
    }

    private static byte[] write(JsonNode json) {
        try {
            return JSON.writeValueAsBytes(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(byte[] json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode fetch(String url) throws IOException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(20)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IOException("Keycloak's keys at " + url + ": " + response.statusCode());
            }
            return JSON.readTree(response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
