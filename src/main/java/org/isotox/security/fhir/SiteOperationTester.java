package org.isotox.security.fhir;

import ca.uhn.fhir.rest.server.interceptor.auth.IAuthRuleTester;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Reference;

/**
 * Lets a site-bound token run an operation about one patient, subject or site only when that
 * patient ({@code patient} parameter), subject (the instance) or site ({@code site} parameter, which
 * it must then give) is its own.
 */
final class SiteOperationTester implements IAuthRuleTester {

    private final String site;
    private final SitePatients sitePatients;

    SiteOperationTester(String site, SitePatients sitePatients) {
        this.site = site;
        this.sitePatients = sitePatients;
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
                    .filter(patient -> sitePatients.belongs(patient, site))
                    .isPresent();
            case "$overdue" -> only(request.requestDetails.getParameters(), body, "site").filter(site::equals).isPresent();
            case "$isotoxic-prescription" -> instance != null && instance.hasIdPart()
                    && sitePatients.subjectBelongs("ResearchSubject/" + instance.getIdPart(), site);
            default -> false;
        };
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
