package org.isotox.security.fhir;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import ca.uhn.fhir.storage.interceptor.balp.IBalpAuditContextServices;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Reference;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Who and from where, for the audit trail: the app or backend (the token's client) and the person
 * (the token's {@code fhirUser}, else its subject at the issuer), and the caller's network address.
 */
final class TokenAuditContext implements IBalpAuditContextServices {

    private static final String UNKNOWN = "unauthenticated";

    @Override
    public Reference getAgentClientWho(RequestDetails request) {
        Optional<Jwt> token = BearerGrants.token();
        String client = token.map(t -> Optional.ofNullable(t.getClaimAsString(TokenClaims.CLIENT_ID))
                        .orElse(Optional.ofNullable(t.getClaimAsString("azp")).orElse(t.getSubject())))
                .orElse(UNKNOWN);
        return identified(token, client);
    }

    @Override
    public Reference getAgentUserWho(RequestDetails request) {
        Optional<Jwt> token = BearerGrants.token();
        Optional<String> fhirUser = token.map(t -> t.getClaimAsString(TokenClaims.FHIR_USER)).filter(u -> !u.isBlank());
        if (fhirUser.isPresent()) {
            return userReference(fhirUser.get(), token, request);
        }
        Reference who = identified(token, token.map(Jwt::getSubject).orElse(UNKNOWN));
        token.map(t -> t.getClaimAsString(TokenClaims.ROLE)).ifPresent(role -> who.setDisplay(who.getIdentifier().getValue() + " (" + role + ")"));
        return who;
    }

    @Override
    public String getNetworkAddress(RequestDetails request) {
        if (request instanceof ServletRequestDetails servlet && servlet.getServletRequest() != null) {
            return servlet.getServletRequest().getRemoteAddr();
        }
        return null;
    }

    /** A reference this server can store: relative, as the record is inside it (HAPI refuses its own absolute URLs). */
    @Override
    public String massageResourceIdForStorage(RequestDetails request, IBaseResource resource, IIdType resourceId) {
        return resourceId.toUnqualified().getValue();
    }

    /**
     * The person as a reference this server can store: relative when {@code fhirUser} is relative or on this
     * server; a person on another server (an absolute URL, as SMART issuers usually write it) is named by that URL
     * as an identifier, since HAPI refuses to store an external reference (and a write's audit must not fail).
     */
    private static Reference userReference(String fhirUser, Optional<Jwt> token, RequestDetails request) {
        IdType person = new IdType(fhirUser);
        if (!person.hasBaseUrl() || person.getBaseUrl().equals(request.getFhirServerBase())) {
            return new Reference(person.toUnqualifiedVersionless().getValue());
        }
        return identified(token, fhirUser);
    }

    private static Reference identified(Optional<Jwt> token, String value) {
        Reference reference = new Reference();
        reference.getIdentifier()
                .setSystem(token.map(t -> t.getIssuer() == null ? null : t.getIssuer().toString()).orElse(null))
                .setValue(value);
        reference.setDisplay(value);
        return reference;
    }
}
