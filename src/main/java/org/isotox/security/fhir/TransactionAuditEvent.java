package org.isotox.security.fhir;

import ca.uhn.fhir.storage.interceptor.balp.BalpConstants;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventAction;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventEntityComponent;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Reference;

/**
 * The writes of one database transaction (a FHIR transaction, or an operation that writes several
 * resources) as one AuditEvent: HAPI's BALP capture makes one per resource written, so that an EHR's
 * bundle of 23 resources cost 23 more stored resources, each with its own search index, and a
 * Synthea record of 70 resources 70 (a third of the server's CPU on what EHRs send). The one
 * event keeps what each of them said: every resource written, as a data entity with its version
 * and how it was written ({@code lifecycle}: created, amended, deleted), and every patient concerned,
 * once. Its action is the writes' action when they share one, else execute; it claims no BALP
 * profile, since BALP's create, update and delete patterns name one resource each.
 */
final class TransactionAuditEvent {

    static final String LIFECYCLE = "http://terminology.hl7.org/CodeSystem/dicom-audit-lifecycle";

    private TransactionAuditEvent() {}

    /** {@code writes} (BALP create, update and delete events of one request, in order) as one event. */
    static AuditEvent of(List<AuditEvent> writes) {
        if (writes.size() == 1) {
            return writes.get(0);
        }
        AuditEvent first = writes.get(0);
        AuditEvent merged = first.copy();
        merged.getMeta().setProfile(null);
        merged.setEntity(null);
        first.getEntity().stream().filter(TransactionAuditEvent::isRequest).findFirst().ifPresent(merged::addEntity);
        Set<String> patients = new HashSet<>();
        for (AuditEvent write : writes) {
            for (AuditEventEntityComponent entity : write.getEntity()) {
                if (isData(entity)) {
                    merged.addEntity(entity.copy().setLifecycle(lifecycleOf(write.getAction())));
                } else if (isPatient(entity) && patients.add(key(entity.getWhat()))) {
                    merged.addEntity(entity.copy());
                }
            }
        }
        boolean oneAction = writes.stream().allMatch(write -> write.getAction() == first.getAction());
        merged.setAction(oneAction ? first.getAction() : AuditEventAction.E);
        return merged;
    }

    private static Coding lifecycleOf(AuditEventAction action) {
        return switch (action) {
            case C -> new Coding(LIFECYCLE, "1", "Origination / Creation");
            case U -> new Coding(LIFECYCLE, "3", "Amendment");
            case D -> new Coding(LIFECYCLE, "14", "Logical deletion");
            default -> null;
        };
    }

    private static boolean isData(AuditEventEntityComponent entity) {
        return BalpConstants.CS_OBJECT_ROLE_4_DOMAIN_RESOURCE.equals(entity.getRole().getCode());
    }

    private static boolean isPatient(AuditEventEntityComponent entity) {
        return BalpConstants.CS_OBJECT_ROLE_1_PATIENT.equals(entity.getRole().getCode());
    }

    private static boolean isRequest(AuditEventEntityComponent entity) {
        return !entity.hasRole() && entity.hasType();
    }

    private static String key(Reference what) {
        return what.hasReference()
                ? new IdType(what.getReference()).toUnqualifiedVersionless().getValue()
                : what.getIdentifier().getValue();
    }
}
