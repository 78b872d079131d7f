package org.isotox.server;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseReference;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleEntryComponent;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.isotox.fhir.OperationOutcomes;
import org.isotox.fhir.RestInterceptor;
import org.springframework.stereotype.Component;

/**
 * Refuses (422) a transaction or batch entry whose resource refers to its own placeholder
 * {@code fullUrl} ({@code urn:uuid:…}): a resource that is its own link or member, which HAPI's
 * reference checks follow until the stack overflows.
 */
@Component
class SelfReferenceCheck implements RestInterceptor {

    private final FhirContext fhirContext;

    SelfReferenceCheck(FhirContext fhirContext) {
        this.fhirContext = fhirContext;
    }

    @Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLED)
    public void check(RequestDetails request) {
        if (!(request.getResource() instanceof Bundle bundle)
                || (bundle.getType() != Bundle.BundleType.TRANSACTION && bundle.getType() != Bundle.BundleType.BATCH)) {
            return;
        }
        for (int i = 0; i < bundle.getEntry().size(); i++) {
            BundleEntryComponent entry = bundle.getEntry().get(i);
            if (entry.hasResource() && entry.hasFullUrl() && entry.getFullUrl().startsWith("urn:")) {
                String self = entry.getFullUrl();
                String where = "Bundle.entry[" + i + "]";
                ElementSearch.first(fhirContext, entry.getResource(), element -> element instanceof IBaseReference reference
                                && self.equals(reference.getReferenceElement().getValue())
                                ? Optional.of("a reference to its own fullUrl " + self) : Optional.empty())
                        .ifPresent(found -> {
                            // FHIRPath below the entry: Patient.link[0].other becomes Bundle.entry[0].resource.link[0].other
                            String path = where + ".resource" + found.path().substring(found.path().indexOf('.'));
                            String message = path + " is " + found.problem() + ": a resource cannot refer to itself";
                            throw new UnprocessableEntityException(
                                    fhirContext, OperationOutcomes.error(IssueType.INVALID, message, path));
                        });
            }
        }
    }
}
