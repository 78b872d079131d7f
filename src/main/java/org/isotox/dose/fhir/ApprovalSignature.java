package org.isotox.dose.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Provenance.ProvenanceAgentComponent;
import org.isotox.fhir.OperationOutcomes;
import org.isotox.security.fhir.SignedInPerson;
import org.springframework.stereotype.Component;

/**
 * A prescription's approval is signed by the practitioner who is signed in: when the token names its
 * person ({@code fhirUser}), every approving agent of a Provenance must be that person (403 otherwise), so
 * that one user cannot record the second approval under a colleague's name. A token naming nobody (a
 * system client relaying approvals given in a planning system) is answered for by its client, which the
 * audit trail records.
 */
@Component
@Interceptor
class ApprovalSignature {

    private final FhirContext fhirContext;

    ApprovalSignature(FhirContext fhirContext) {
        this.fhirContext = fhirContext;
    }

    @Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_CREATED)
    void created(IBaseResource resource) {
        check(resource);
    }

    @Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_UPDATED)
    void updated(IBaseResource previous, IBaseResource current) {
        check(current);
    }

    private void check(IBaseResource resource) {
        if (!(resource instanceof Provenance provenance)) {
            return;
        }
        Optional<String> signedIn = SignedInPerson.fhirUser();
        if (signedIn.isEmpty()) {
            return;
        }
        List<ProvenanceAgentComponent> agents = provenance.getAgent();
        for (int i = 0; i < agents.size(); i++) {
            ProvenanceAgentComponent agent = agents.get(i);
            Optional<String> role = PrescriptionApprovals.role(agent);
            if (role.isPresent() && !signedIn.get().equals(agent.getWho().getReference())) {
                throw new ForbiddenOperationException("An approval under another practitioner's name", OperationOutcomes.error(IssueType.FORBIDDEN,
                        "The " + role.get() + " names " + agent.getWho().getReference() + ", but the signed-in user is "
                                + signedIn.get() + ": an approval is given by the practitioner who signs in",
                        "Provenance.agent[" + i + "].who"));
            }
        }
    }
}
