package org.isotox.security.fhir;

import java.util.List;
import java.util.Optional;
import org.isotox.security.fhir.SecurityProperties.Client;
import org.isotox.security.fhir.SecurityProperties.User;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * Writes into the embedded issuer's tokens what this server reads from them: the audience (the
 * FHIR base), the trial role and site of the backend client or of the person who signed in, and
 * the person's {@code fhirUser} and, for a patient launch, the {@code patient}.
 */
final class TrialClaimsCustomizer implements OAuth2TokenCustomizer<JwtEncodingContext> {

    private final SecurityProperties properties;

    TrialClaimsCustomizer(SecurityProperties properties) {
        this.properties = properties;
    }

    @Override
    public void customize(JwtEncodingContext context) {
        boolean accessToken = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType());
        boolean idToken = OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue());
        if (!accessToken && !idToken) {
            return;
        }
        if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
            if (accessToken && context.getAuthorizedScopes().isEmpty()) {
                // a backend that asks for no scope gets those it is registered with (RFC 6749 section 3.3)
                context.getClaims().claim(TokenClaims.SCOPE, context.getRegisteredClient().getScopes());
            }
            client(context.getRegisteredClient().getClientId()).ifPresent(client -> {
                context.getClaims().claim(TokenClaims.ROLE, client.role());
                siteClaim(context, client.site());
            });
        } else {
            properties.embeddedIssuer().user(context.getPrincipal().getName()).ifPresent(user -> {
                if (accessToken) {
                    context.getClaims().claim(TokenClaims.ROLE, user.role());
                    siteClaim(context, user.site());
                    launchPatient(context, user).ifPresent(patient -> context.getClaims().claim(TokenClaims.PATIENT, patient));
                }
                if (!user.fhirUser().isBlank()) {
                    context.getClaims().claim(TokenClaims.FHIR_USER, user.fhirUser());
                }
            });
        }
        if (accessToken) {
            context.getClaims().audience(List.of(properties.audience()));
        }
    }

    private static void siteClaim(JwtEncodingContext context, String site) {
        if (!site.isBlank()) {
            context.getClaims().claim(TokenClaims.SITE, site);
        }
    }

    private Optional<Client> client(String id) {
        return properties.embeddedIssuer().activeClients().stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /** With {@code launch/patient} granted: a patient's own id, else the one picked for this authorization. */
    private static Optional<String> launchPatient(JwtEncodingContext context, User user) {
        if (!context.getAuthorizedScopes().contains(LaunchPatients.LAUNCH_PATIENT_SCOPE)) {
            return Optional.empty();
        }
        if (user.isPatient()) {
            return user.ownPatientId();
        }
        return Optional.ofNullable(context.getAuthorization())
                .map(authorization -> authorization.<String>getAttribute(LaunchPatients.AUTHORIZATION_ATTRIBUTE));
    }
}
