package org.isotox.security.fhir;

import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AccessTokenAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AccessTokenAuthenticationToken;

/**
 * SMART App Launch 2's launch context in the token response: the {@code patient} of a patient launch and
 * the signed-in person's {@code fhirUser}, copied from the access token just issued (one source: the
 * claims {@link TrialClaimsCustomizer} wrote), so an app knows them without reading the token.
 */
final class LaunchContextResponse implements Consumer<OAuth2AccessTokenAuthenticationContext> {

    @Override
    public void accept(OAuth2AccessTokenAuthenticationContext context) {
        OAuth2AccessTokenAuthenticationToken issued = context.getAuthentication();
        Map<String, Object> parameters = new HashMap<>(issued.getAdditionalParameters());
        try {
            Map<String, Object> claims = SignedJWT.parse(issued.getAccessToken().getTokenValue()).getJWTClaimsSet().getClaims();
            for (String name : new String[] {TokenClaims.PATIENT, TokenClaims.FHIR_USER}) {
                if (claims.get(name) != null) {
                    parameters.put(name, claims.get(name));
                }
            }
        } catch (ParseException e) {
            throw new IllegalStateException("The issuer's own access token is no JWT", e);
        }
        context.getAccessTokenResponse().additionalParameters(parameters);
    }
}
