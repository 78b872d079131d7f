package org.isotox.security.fhir;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.TokenParam;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Organization;
import org.isotox.security.domain.Site;
import org.springframework.stereotype.Component;

/** The trial's sites: from the code a token carries to the site's Organization, and back. */
@Component
class SiteDirectory {

    static final String SITE_IDENTIFIER_SYSTEM = "https://isotox.org/fhir/sid/site";

    private final DaoRegistry daoRegistry;
    private final Map<String, Site> byCode = new ConcurrentHashMap<>();
    private final Map<String, String> codeByOrganization = new ConcurrentHashMap<>();

    SiteDirectory(DaoRegistry daoRegistry) {
        this.daoRegistry = daoRegistry;
    }

    /** The site with this code; empty for an unknown code. */
    Optional<Site> site(String siteCode) {
        Site known = byCode.get(siteCode);
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
        Site site = new Site(siteCode, "Organization/" + found.get(0).getIdElement().getIdPart());
        byCode.put(siteCode, site);
        return Optional.of(site);
    }

    /** The code of the site this Organization reference names; empty when it is no trial site. */
    Optional<String> codeOf(String organizationReference) {
        if (organizationReference == null || !organizationReference.startsWith("Organization/")) {
            return Optional.empty();
        }
        String versionless = new IdType(organizationReference).toUnqualifiedVersionless().getValue();
        String known = codeByOrganization.get(versionless);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<String> code = lookUpCode(versionless);
        code.ifPresent(c -> codeByOrganization.put(versionless, c));
        return code;
    }

    private Optional<String> lookUpCode(String organization) {
        try {
            Organization found = (Organization) daoRegistry.getResourceDao(Organization.class)
                    .read(new IdType(organization), new SystemRequestDetails());
            return found.getIdentifier().stream()
                    .filter(identifier -> SITE_IDENTIFIER_SYSTEM.equals(identifier.getSystem()) && identifier.hasValue())
                    .map(identifier -> identifier.getValue())
                    .findFirst();
        } catch (RuntimeException notReadable) {
            return Optional.empty();
        }
    }
}
