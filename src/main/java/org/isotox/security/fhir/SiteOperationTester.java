package org.isotox.security.fhir;

import ca.uhn.fhir.rest.server.interceptor.auth.IAuthRuleTester;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IIdType;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Parameters;
import org.isotox.security.domain.Owner;
import org.isotox.security.domain.Site;
import org.hl7.fhir.r4.model.Reference;

/**
 * Lets a site-bound token run an operation about one patient, subject or site only when that
 * patient ({@code patient} parameter), subject (the instance) or site ({@code site} parameter, which
 * it must then give) is its own: the patient and subject by their ownership label.
 */
final class SiteOperationTester implements IAuthRuleTester {

    private final Site site;
    private final StoredOwners owners;

    SiteOperationTester(Site site, StoredOwners owners) {
        this.site = site;
        this.owners = owners;
    }

    @Override
    public boolean matches(RuleTestRequest request) {
        if (request.resource != null && !(request.resource instanceof Parameters)) {
            return false;
        }
        Parameters body = (Parameters) request.resource;
        IIdType instance = request.resourceId;
        return switch (request.requestDetails.getOperation()) {
            case "$check-eligibility" -> only(request.requestDetails.getParameters(), body, "patient")
                    .filter(patient -> ofTheSite(new IdType(patient), request.requestDetails))
                    .isPresent();
            case "$overdue" -> only(request.requestDetails.getParameters(), body, "site").filter(site.organization()::equals).isPresent();
            case "$isotoxic-prescription" -> instance != null && instance.hasIdPart()
                    && ofTheSite(new IdType("ResearchSubject", instance.getIdPart()), request.requestDetails);
            default -> false;
        };
    }

    private boolean ofTheSite(IdType resource, RequestDetails request) {
        return resource.hasResourceType() && resource.hasIdPart()
                && owners.of(resource, request).filter(Owner.site(site.code())::equals).isPresent();
    }

    /** The one value of a parameter, from the URL or a Parameters body; empty when absent or repeated. */
    private static Optional<String> only(Map<String, String[]> query, Parameters body, String name) {
        List<String> values = new ArrayList<>();
        if (query.get(name) != null) {
            values.addAll(List.of(query.get(name)));
        }
        if (body != null) {
            body.getParameter().stream()
                    .filter(p -> p.getName().equals(name))
                    .map(p -> p.getValue() instanceof Reference r ? r.getReference() : p.getValue() == null ? null : p.getValue().primitiveValue())
                    .forEach(values::add);
        }
        return values.size() == 1 ? Optional.ofNullable(values.get(0)) : Optional.empty();
    }
}
