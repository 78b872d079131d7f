package org.isotox.security.fhir;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.api.model.DeleteConflictList;
import ca.uhn.fhir.jpa.delete.DeleteConflictOutcome;
import org.springframework.stereotype.Component;

/**
 * The audit trail does not keep a resource from being deleted: an AuditEvent that refers to it is no
 * conflict (the deletion's own AuditEvent names the resource by identifier, and the older ones keep
 * their reference, as a record of what was done to it). References from anything else still are.
 */
@Component
@Interceptor
class AuditTrailDeleteConflicts {

    @Hook(Pointcut.STORAGE_PRESTORAGE_DELETE_CONFLICTS)
    public DeleteConflictOutcome ignoreTheAuditTrail(DeleteConflictList conflicts) {
        conflicts.removeIf(conflict -> "AuditEvent".equals(conflict.getSourceId().getResourceType()));
        return null;
    }
}
