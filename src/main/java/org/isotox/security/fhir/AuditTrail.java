package org.isotox.security.fhir;

import ca.uhn.fhir.storage.interceptor.balp.BalpAuditCaptureInterceptor;
import ca.uhn.fhir.storage.interceptor.balp.IBalpAuditContextServices;
import ca.uhn.fhir.storage.interceptor.balp.IBalpAuditEventSink;
import org.isotox.fhir.RestInterceptor;

/**
 * HAPI's Basic Audit Log Patterns (IHE BALP) capture on the FHIR endpoint: an AuditEvent for every
 * read, search, create, update and delete a client makes, naming the client, the user, the network
 * address and the patients concerned.
 */
final class AuditTrail extends BalpAuditCaptureInterceptor implements RestInterceptor {

    AuditTrail(IBalpAuditEventSink sink, IBalpAuditContextServices context) {
        super(sink, context);
    }
}
