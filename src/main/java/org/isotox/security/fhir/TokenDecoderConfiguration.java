package org.isotox.security.fhir;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;

/**
 * How bearer tokens are checked: the signature against the issuer's keys (the embedded issuer's own
 * key set, or the JWKS an external issuer publishes in its OpenID configuration, fetched on first
 * use), then {@code iss}, {@code exp} (required)/{@code nbf} and an {@code aud} naming this server.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "isotox.security.enabled", havingValue = "true", matchIfMissing = true)
class TokenDecoderConfiguration {

    @Bean
    JwtDecoder bearerTokenDecoder(SecurityProperties properties, ObjectProvider<JWKSource<SecurityContext>> embeddedKeys) {
        OAuth2TokenValidator<Jwt> validator = validator(properties);
        if (properties.embedded()) {
            NimbusJwtDecoder decoder = (NimbusJwtDecoder) OAuth2AuthorizationServerConfiguration.jwtDecoder(embeddedKeys.getObject());
            decoder.setJwtValidator(validator);
            return decoder;
        }
        return new SupplierJwtDecoder(() -> {
            NimbusJwtDecoder decoder = (NimbusJwtDecoder) JwtDecoders.fromIssuerLocation(properties.issuerUri());
            decoder.setJwtValidator(validator);
            return decoder;
        });
    }

    private static OAuth2TokenValidator<Jwt> validator(SecurityProperties properties) {
        JwtClaimValidator<List<String>> audience = new JwtClaimValidator<>(
                JwtClaimNames.AUD, aud -> aud != null && aud.contains(properties.audience()));
        // Spring checks exp only when the token has one: a token that never expires is refused
        JwtClaimValidator<Instant> expires = new JwtClaimValidator<>(JwtClaimNames.EXP, Objects::nonNull);
        return new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(properties.trustedIssuer()), audience, expires);
    }
}
