package io.xinference.hub.security;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Hostile tokens against the decoder both apps use; the realm's keys are served by a local JWK endpoint. */
class HubJwtDecodersTest {

    private static final String ISSUER = "http://127.0.0.1/realms/models-hub";
    private static final String AUDIENCE = "models-hub-api";

    private static RSAKey realmKey;
    private static RSAKey strangerKey;
    private static HttpServer jwks;
    private static JwtDecoder decoder;

    @BeforeAll
    static void serveTheRealmKeys() throws Exception {
        realmKey = new RSAKeyGenerator(2048).keyID("realm-key").generate();
        strangerKey = new RSAKeyGenerator(2048).keyID("stranger-key").generate();
        byte[] keySet = new JWKSet(realmKey.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        jwks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        jwks.createContext("/certs", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, keySet.length);
            exchange.getResponseBody().write(keySet);
            exchange.close();
        });
        jwks.start();
        decoder = HubJwtDecoders.create(ISSUER, "http://127.0.0.1:" + jwks.getAddress().getPort() + "/certs", AUDIENCE);
    }

    @AfterAll
    static void stop() {
        jwks.stop(0);
    }

    @Test
    void aTokenFromTheRealmForTheHubIsAccepted() throws Exception {
        Jwt jwt = decoder.decode(signed(realmKey, claims -> claims));
        assertThat(jwt.getClaimAsString("preferred_username")).isEqualTo("alice");
    }

    @Test
    void clocksThatDisagreeWithinTheSkewAreTolerated() throws Exception {
        Instant now = Instant.now();
        Duration within = HubJwtDecoders.CLOCK_SKEW.minusSeconds(10);
        assertThat(decoder.decode(signed(realmKey, claims -> claims.issueTime(Date.from(now.plus(within))))))
                .as("issued a little ahead of our clock").isNotNull();
        assertThat(decoder.decode(signed(realmKey, claims -> claims
                .issueTime(Date.from(now.minusSeconds(300))).expirationTime(Date.from(now.minus(within))))))
                .as("expired a moment ago by our clock").isNotNull();
    }

    static Stream<Arguments> hostileTokens() throws Exception {
        Instant now = Instant.now();
        String valid = signed(realmKey, claims -> claims);
        String[] parts = valid.split("\\.");
        String tamperedPayload = Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                        .replace("alice", "adam").getBytes(StandardCharsets.UTF_8));
        return Stream.of(
                Arguments.of("alg none", new PlainJWT(claims(now).build()).serialize()),
                Arguments.of("HS256 signed with the public key", hmacSignedWithPublicKey(now)),
                Arguments.of("wrong issuer", signed(realmKey, claims -> claims.issuer("http://evil/realms/models-hub"))),
                Arguments.of("wrong audience", signed(realmKey, claims -> claims.audience("another-api"))),
                Arguments.of("expired", signed(realmKey, claims -> claims
                        .issueTime(Date.from(now.minusSeconds(7200))).expirationTime(Date.from(now.minusSeconds(3600))))),
                Arguments.of("not yet valid", signed(realmKey, claims -> claims.notBeforeTime(Date.from(now.plusSeconds(3600))))),
                Arguments.of("unknown key id", signed(strangerKey, claims -> claims)),
                Arguments.of("tampered payload", parts[0] + "." + tamperedPayload + "." + parts[2]),
                Arguments.of("garbage", "not-a-token"),
                Arguments.of("no sub", signed(realmKey, claims -> claims.subject(null))),
                Arguments.of("blank sub", signed(realmKey, claims -> claims.subject(" "))),
                Arguments.of("no exp", signed(realmKey, claims -> claims.expirationTime(null))),
                Arguments.of("a refresh token", signed(realmKey, claims -> claims.claim("typ", "Refresh"))),
                Arguments.of("an ID token", signed(realmKey, claims -> claims.claim("typ", "ID"))),
                Arguments.of("no typ", signed(realmKey, claims -> claims.claim("typ", null))),
                Arguments.of("issued in the future beyond the skew", signed(realmKey, claims -> claims
                        .issueTime(Date.from(now.plus(HubJwtDecoders.CLOCK_SKEW).plusSeconds(30))))),
                Arguments.of("expired beyond the skew", signed(realmKey, claims -> claims
                        .issueTime(Date.from(now.minusSeconds(300))).expirationTime(Date.from(now.minus(HubJwtDecoders.CLOCK_SKEW).minusSeconds(30))))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileTokens")
    void hostileTokensAreRefused(String attack, String token) {
        assertThatThrownBy(() -> decoder.decode(token)).as(attack).isInstanceOf(JwtException.class);
    }

    private static JWTClaimsSet.Builder claims(Instant now) {
        return new JWTClaimsSet.Builder().issuer(ISSUER).audience(List.of(AUDIENCE, "account")).subject("subject-1")
                .claim("preferred_username", "alice").claim("typ", "Bearer").issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300)));
    }

    private static String signed(RSAKey key, UnaryOperator<JWTClaimsSet.Builder> change) throws Exception {
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build();
        SignedJWT jwt = new SignedJWT(header, change.apply(claims(Instant.now())).build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    /** The classic key confusion: the public key's bytes used as an HMAC secret. */
    private static String hmacSignedWithPublicKey(Instant now) throws Exception {
        byte[] secret = realmKey.toPublicJWK().toRSAPublicKey().getEncoded();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("realm-key").build(),
                claims(now).build());
        jwt.sign(new MACSigner(secret));
        return jwt.serialize();
    }
}
