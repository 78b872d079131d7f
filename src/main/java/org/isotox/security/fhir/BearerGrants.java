package org.isotox.security.fhir;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.isotox.security.domain.AccessGrant;
import org.hl7.fhir.r4.model.IdType;
import org.isotox.security.domain.Owner;
import org.isotox.security.domain.Role;
import org.isotox.security.domain.Site;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

/**
 * The access grant of the token behind the current request (validated by Spring Security before
 * HAPI sees the request), worked out once per request. The few requests let in without a token
 * (the capability statement) get a grant that reaches nothing.
 */
@Component
class BearerGrants {

    private static final String GRANT_KEY = BearerGrants.class.getName();

    private final SiteDirectory sites;
    private final StoredOwners owners;

    BearerGrants(SiteDirectory sites, StoredOwners owners) {
        this.sites = sites;
        this.owners = owners;
    }

    AccessGrant of(RequestDetails request) {
        Object known = request.getUserData().get(GRANT_KEY);
        if (known instanceof AccessGrant grant) {
            return grant;
        }
        AccessGrant grant = token().map(token -> grantOf(token, request)).orElse(AccessGrant.nothing());
        request.getUserData().put(GRANT_KEY, grant);
        return grant;
    }

    /** The validated token of the request, for the audit trail. */
    static Optional<Jwt> token() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication instanceof JwtAuthenticationToken jwt ? Optional.of(jwt.getToken()) : Optional.empty();
    }

    private AccessGrant grantOf(Jwt token, RequestDetails request) {
        Optional<Role> role = Optional.ofNullable(token.getClaimAsString(TokenClaims.ROLE)).flatMap(Role::ofCode);
        if (role.isEmpty()) {
            return AccessGrant.nothing();
        }
        Optional<Site> site = Optional.ofNullable(token.getClaimAsString(TokenClaims.SITE)).flatMap(sites::site);
        Optional<String> patient = Optional.ofNullable(token.getClaimAsString(TokenClaims.PATIENT))
                .map(id -> "Patient/" + id)
                .filter(launched -> !role.get().siteBound() || ownedBy(launched, site, request));
        return AccessGrant.of(role.get(), site, patient, scopes(token));
    }

    /** A site-bound token's launch patient must be one of its site's: any other is ignored (its patient scopes reach no one). */
    private boolean ownedBy(String patient, Optional<Site> site, RequestDetails request) {
        return site.isPresent()
                && owners.of(new IdType(patient), request).filter(Owner.site(site.get().code())::equals).isPresent();
    }

    private static List<String> scopes(Jwt token) {
        Object scope = token.getClaims().get(TokenClaims.SCOPE);
        if (scope instanceof String text) {
            return Arrays.asList(text.trim().split("\\s+"));
        }
        if (scope instanceof List<?> list) {
            return list.stream().map(Object::toString).toList();
        }
        return List.of();
    }
}
