package org.isotox.security.fhir;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.TokenParam;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.hl7.fhir.r4.model.Organization;
import org.springframework.stereotype.Component;

/** Finds a site's Organization from the site code a token carries. */
@Component
class SiteDirectory {

    static final String SITE_IDENTIFIER_SYSTEM = "https://isotox.org/fhir/sid/site";

    private final DaoRegistry daoRegistry;
    private final Map<String, String> organizationByCode = new ConcurrentHashMap<>();

    SiteDirectory(DaoRegistry daoRegistry) {
        this.daoRegistry = daoRegistry;
    }

    /** The reference ({@code Organization/{id}}) of the site with this code; empty for an unknown code. */
    Optional<String> organization(String siteCode) {
        String known = organizationByCode.get(siteCode);
        if (known != null) {
            return Optional.of(known);
        }
        SearchParameterMap byIdentifier = SearchParameterMap.newSynchronous(
                Organization.SP_IDENTIFIER, new TokenParam(SITE_IDENTIFIER_SYSTEM, siteCode));
        var found = daoRegistry.getResourceDao(Organization.class)
                .search(byIdentifier, new SystemRequestDetails())
                .getAllResources();
        if (found.size() != 1) {
            return Optional.empty();
        }
        String reference = "Organization/" + found.get(0).getIdElement().getIdPart();
        organizationByCode.put(siteCode, reference);
        return Optional.of(reference);
    }
}
