package org.isotox.security.fhir;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.storage.interceptor.balp.IBalpAuditEventSink;
import org.hl7.fhir.r4.model.AuditEvent;

/**
 * Keeps the audit trail in this server's own database. A write's AuditEvent is stored in the
 * write's transaction (it exists exactly when the write does); a read's in a transaction of its
 * own, before the response leaves.
 */
final class StoredAuditTrail implements IBalpAuditEventSink {

    private final DaoRegistry daoRegistry;

    StoredAuditTrail(DaoRegistry daoRegistry) {
        this.daoRegistry = daoRegistry;
    }

    @Override
    public void recordAuditEvent(AuditEvent event) {
        daoRegistry.getResourceDao(AuditEvent.class).create(event, new SystemRequestDetails());
    }
}
