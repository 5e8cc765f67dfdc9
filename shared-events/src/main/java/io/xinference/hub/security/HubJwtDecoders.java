package io.xinference.hub.security;

import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * The one way both apps decode tokens: keys from the realm's JWK set, RS256 only (so {@code alg: none} and HS256
 * signed with the public key are refused), and then every claim the hub relies on checked, so that a token which
 * passes is one the hub can act on (a missing claim is a 401 here, never a 500 further in):
 * <ul>
 * <li>issuer and audience (the realm, {@code HUB_AUDIENCE});</li>
 * <li>{@code exp} present (a token without one would never expire) and not past, {@code nbf} not ahead;</li>
 * <li>{@code iat}, when present, not in the future: a token "issued" later than now was not made by a realm whose
 * clock we trust;</li>
 * <li>{@code typ: Bearer}, Keycloak's mark of an access token: its ID tokens ({@code ID}) and refresh tokens
 * ({@code Refresh}) are not credentials for an API;</li>
 * <li>{@code sub} present: every write and "my" read is keyed by it (Keycloak omits it for clients without the
 * {@code basic} scope).</li>
 * </ul>
 * All time checks allow {@link #CLOCK_SKEW}. The validators are given to {@link JwtValidators#createDefaultWithValidators}
 * so that Spring keeps its own defaults (certificate-bound tokens) and uses our timestamp validator instead of its
 * 60 s one; the issuer validator is listed explicitly because replacing the defaults drops it (spring-security #18230).
 */
public final class HubJwtDecoders {

    /**
     * How far the hub's clock and Keycloak's may disagree. 30 s: both run NTP-synchronised (drift is milliseconds),
     * and an access token lives 5 minutes, so 30 s is 10 % of its life added at most; Spring's default (60 s) was
     * inherited, not chosen.
     */
    public static final Duration CLOCK_SKEW = Duration.ofSeconds(30);

    /** The {@code typ} claim Keycloak puts in access tokens (ID tokens say {@code ID}, refresh tokens {@code Refresh}). */
    public static final String ACCESS_TOKEN_TYPE = "Bearer";

    private HubJwtDecoders() {
    }

    public static JwtDecoder create(String issuerUri, String jwkSetUri, String audience) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(jwkSetUri)
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .build();
        decoder.setJwtValidator(validator(issuerUri, audience));
        return decoder;
    }

    public static OAuth2TokenValidator<Jwt> validator(String issuerUri, String audience) {
        return validator(issuerUri, audience, Clock.systemUTC());
    }

    static OAuth2TokenValidator<Jwt> validator(String issuerUri, String audience, Clock clock) {
        JwtTimestampValidator timestamps = new JwtTimestampValidator(CLOCK_SKEW);
        timestamps.setClock(clock);
        return JwtValidators.createDefaultWithValidators(List.of(
                new JwtIssuerValidator(issuerUri),
                timestamps,
                new JwtClaimValidator<Collection<String>>(JwtClaimNames.AUD,
                        audiences -> audiences != null && audiences.contains(audience)),
                new JwtClaimValidator<Instant>(JwtClaimNames.EXP, expiry -> expiry != null),
                new JwtClaimValidator<Instant>(JwtClaimNames.IAT,
                        issued -> issued == null || !issued.isAfter(clock.instant().plus(CLOCK_SKEW))),
                new JwtClaimValidator<Object>("typ", ACCESS_TOKEN_TYPE::equals),
                new JwtClaimValidator<String>(JwtClaimNames.SUB, subject -> subject != null && !subject.isBlank())));
    }
}
