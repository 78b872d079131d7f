package org.isotox.dose.fhir;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.ReferenceParam;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Provenance.ProvenanceAgentComponent;
import org.isotox.fhir.Canonicals;
import org.springframework.stereotype.Component;

/**
 * The protocol's quality assurance: a prescription's doses must be verified by a medical physicist
 * and by a radiation oncologist, two different practitioners, before it is delivered. Each approval
 * is a Provenance whose target is the approved version of the prescription and whose agent is the
 * approving Practitioner in the role {@code isotox#physicist-approval} or
 * {@code isotox#radiation-oncologist-approval}.
 */
@Component
class PrescriptionApprovals {

    static final List<String> ROLES = List.of("physicist-approval", "radiation-oncologist-approval");

    private final DaoRegistry daoRegistry;

    PrescriptionApprovals(DaoRegistry daoRegistry) {
        this.daoRegistry = daoRegistry;
    }

    /** What is missing for this version to become active; empty when both approvals are there. */
    List<String> missing(String prescriptionId, String version) {
        String approved = "ServiceRequest/" + prescriptionId + "/_history/" + version;
        SearchParameterMap query = SearchParameterMap.newSynchronous(
                Provenance.SP_TARGET, new ReferenceParam("ServiceRequest/" + prescriptionId));
        Map<String, String> approverByRole = new HashMap<>();
        daoRegistry.getResourceDao(Provenance.class).search(query, new SystemRequestDetails()).getAllResources().stream()
                .map(Provenance.class::cast)
                .filter(p -> p.getTarget().stream().anyMatch(t -> approved.equals(t.getReference())))
                .flatMap(p -> p.getAgent().stream())
                .forEach(agent -> role(agent).ifPresent(role -> approverByRole.put(role, agent.getWho().getReference())));
        List<String> missing = new ArrayList<>();
        for (String role : ROLES) {
            if (!approverByRole.containsKey(role)) {
                missing.add("no " + role + " of " + approved);
            }
        }
        if (missing.isEmpty() && approverByRole.get(ROLES.get(0)).equals(approverByRole.get(ROLES.get(1)))) {
            missing.add("both approvals of " + approved + " are by " + approverByRole.get(ROLES.get(0))
                    + "; they must come from two different practitioners");
        }
        return missing;
    }

    /** The approval role of an agent that is a Practitioner; empty for any other agent. */
    static java.util.Optional<String> role(ProvenanceAgentComponent agent) {
        if (!agent.getWho().hasReference() || !agent.getWho().getReference().startsWith("Practitioner/")) {
            return java.util.Optional.empty();
        }
        return agent.getRole().stream()
                .flatMap(r -> r.getCoding().stream())
                .filter(c -> Canonicals.ISOTOX_CODES.equals(c.getSystem()) && ROLES.contains(c.getCode()))
                .map(c -> c.getCode())
                .findFirst();
    }
}
