package org.isotox.security.fhir;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;

/**
 * Tokens made by the test itself, to present what the embedded issuer never hands out: expired,
 * for another audience, signed with a stranger's key, with a launch patient. Signed with the test
 * server's own key (its key file) unless said otherwise.
 */
public final class MintedTokens {

    public static final String ISSUER = "http://isotox.test";
    public static final String AUDIENCE = "http://isotox.test/fhir";

    private MintedTokens() {}

    public static Builder token() {
        return new Builder();
    }

    public static final class Builder {
        private final JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .subject("minted-test-client")
                .issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plus(Duration.ofMinutes(5))));
        private boolean strangersKey;

        public Builder claim(String name, Object value) {
            claims.claim(name, value);
            return this;
        }

        public Builder claims(Map<String, Object> values) {
            values.forEach(claims::claim);
            return this;
        }

        Builder audience(String audience) {
            claims.audience(audience);
            return this;
        }

        Builder issuer(String issuer) {
            claims.issuer(issuer);
            return this;
        }

        Builder expiredSince(Duration ago) {
            claims.issueTime(Date.from(Instant.now().minus(ago).minus(Duration.ofHours(1))));
            claims.expirationTime(Date.from(Instant.now().minus(ago)));
            return this;
        }

        Builder withoutExpiry() {
            claims.expirationTime(null);
            return this;
        }

        Builder signedByAStranger() {
            strangersKey = true;
            return this;
        }

        public String sign() {
            try {
                RSAKey serverKey = RSAKey.parse(Files.readString(Path.of("target/test-issuer-key.json")));
                RSAKey key = strangersKey
                        ? new RSAKeyGenerator(2048).keyID(serverKey.getKeyID()).generate()
                        : serverKey;
                SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims.build());
                jwt.sign(new RSASSASigner(key));
                return jwt.serialize();
            } catch (JOSEException | java.io.IOException | java.text.ParseException e) {
                throw new IllegalStateException("Cannot mint a test token", e);
            }
        }
    }
}
