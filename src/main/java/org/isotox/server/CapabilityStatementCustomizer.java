package org.isotox.server;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Pointcut;
import org.hl7.fhir.instance.model.api.IBaseConformance;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.SystemRestfulInteraction;

/** Completes what HAPI generates: it omits {@code batch} although the system provider serves it. */
final class CapabilityStatementCustomizer {

    @Hook(Pointcut.SERVER_CAPABILITY_STATEMENT_GENERATED)
    public void customize(IBaseConformance generated) {
        CapabilityStatement capabilities = (CapabilityStatement) generated;
        capabilities.setPublisher("Isotox project");
        for (CapabilityStatementRestComponent rest : capabilities.getRest()) {
            boolean hasBatch = rest.getInteraction().stream()
                    .anyMatch(i -> i.getCode() == SystemRestfulInteraction.BATCH);
            if (!hasBatch) {
                rest.addInteraction().setCode(SystemRestfulInteraction.BATCH);
            }
        }
    }
}
