package org.isotox.security.fhir;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The issuer's store of authorizations, which keeps with an authorization the patient picked for it in
 * the sign-in session ({@link LaunchPatients}), so that the token issued for its code later names him.
 */
final class LaunchPatientAuthorizations implements OAuth2AuthorizationService {

    private final OAuth2AuthorizationService stored;

    LaunchPatientAuthorizations(OAuth2AuthorizationService stored) {
        this.stored = stored;
    }

    @Override
    public void save(OAuth2Authorization authorization) {
        stored.save(withPickedPatient(authorization));
    }

    @Override
    public void remove(OAuth2Authorization authorization) {
        stored.remove(authorization);
    }

    @Override
    public OAuth2Authorization findById(String id) {
        return stored.findById(id);
    }

    @Override
    public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
        return stored.findByToken(token, tokenType);
    }

    private static OAuth2Authorization withPickedPatient(OAuth2Authorization authorization) {
        OAuth2AuthorizationRequest request = authorization.getAttribute(OAuth2AuthorizationRequest.class.getName());
        if (authorization.getAttribute(LaunchPatients.AUTHORIZATION_ATTRIBUTE) != null || request == null
                || !authorization.getAuthorizedScopes().contains(LaunchPatients.LAUNCH_PATIENT_SCOPE)) {
            return authorization;
        }
        return currentRequest()
                .flatMap(http -> LaunchPatients.picked(http.getSession(false), request.getClientId(), request.getState()))
                .map(patient -> OAuth2Authorization.from(authorization).attribute(LaunchPatients.AUTHORIZATION_ATTRIBUTE, patient).build())
                .orElse(authorization);
    }

    private static Optional<HttpServletRequest> currentRequest() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? Optional.of(attributes.getRequest())
                : Optional.empty();
    }
}
