package org.isotox.security.fhir;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.storage.interceptor.balp.BalpConstants;
import ca.uhn.fhir.storage.interceptor.balp.IBalpAuditEventSink;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventEntityComponent;
import java.util.Set;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Reference;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the audit trail in this server's own database. The AuditEvent of a write is stored once
 * the write has committed, in a transaction of its own: only writes that happened are recorded,
 * and the write's transaction is left to HAPI and the trial rules alone (a nested write there
 * disturbs the searches the rules make before commit). A read's AuditEvent is stored before its
 * response leaves.
 */
final class StoredAuditTrail implements IBalpAuditEventSink {

    private final DaoRegistry daoRegistry;
    private final TransactionTemplate ownTransaction;

    StoredAuditTrail(DaoRegistry daoRegistry, PlatformTransactionManager transactions) {
        this.daoRegistry = daoRegistry;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public void recordAuditEvent(AuditEvent event) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    store(event);
                }
            });
        } else {
            store(event);
        }
    }

    private void store(AuditEvent event) {
        if (isDeletion(event)) {
            Set<String> deleted = event.getEntity().stream()
                    .filter(e -> BalpConstants.CS_OBJECT_ROLE_4_DOMAIN_RESOURCE.equals(e.getRole().getCode()))
                    .map(e -> versionless(e.getWhat()))
                    .collect(Collectors.toSet());
            event.getEntity().stream()
                    .filter(e -> deleted.contains(versionless(e.getWhat())))
                    .forEach(StoredAuditTrail::nameWithoutReferencing);
        }
        ownTransaction.executeWithoutResult(status ->
                daoRegistry.getResourceDao(AuditEvent.class).create(event, new SystemRequestDetails()));
    }

    private static boolean isDeletion(AuditEvent event) {
        return event.getSubtype().stream().anyMatch(code -> "delete".equals(code.getCode()));
    }

    private static String versionless(Reference what) {
        return what.hasReference() ? new IdType(what.getReference()).toUnqualifiedVersionless().getValue() : "";
    }

    /** A deleted resource can no longer be referenced; the entity keeps its id as an identifier. */
    private static void nameWithoutReferencing(AuditEventEntityComponent entity) {
        Reference what = entity.getWhat();
        if (what.hasReference()) {
            what.getIdentifier().setSystem("urn:ietf:rfc:3986").setValue(what.getReference());
            what.setDisplay(what.getReference());
            what.setReference(null);
        }
    }
}
