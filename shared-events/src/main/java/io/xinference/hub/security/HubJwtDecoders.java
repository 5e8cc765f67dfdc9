package io.xinference.hub.security;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import java.util.Collection;

/**
 * The one way both apps decode tokens: keys from the realm's JWK set, RS256 only (so {@code alg: none} and HS256
 * signed with the public key are refused), and the issuer, time window and audience all checked. The issuer check
 * comes from {@link JwtValidators#createDefaultWithIssuer}: replacing the default validators (e.g. to change clock
 * skew) would silently drop it (spring-security #18230).
 */
public final class HubJwtDecoders {

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
        OAuth2TokenValidator<Jwt> audienceCheck = new JwtClaimValidator<Collection<String>>(JwtClaimNames.AUD,
                audiences -> audiences != null && audiences.contains(audience));
        return new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(issuerUri), audienceCheck);
    }
}
