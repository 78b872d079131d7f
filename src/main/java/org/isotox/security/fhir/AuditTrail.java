package org.isotox.security.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.interceptor.auth.CompartmentSearchParameterModifications;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import ca.uhn.fhir.storage.interceptor.balp.BalpAuditCaptureInterceptor;
import ca.uhn.fhir.storage.interceptor.balp.BalpConstants;
import ca.uhn.fhir.storage.interceptor.balp.IBalpAuditContextServices;
import java.util.Set;
import java.util.TreeSet;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventAction;
import org.isotox.fhir.RestInterceptor;

/**
 * HAPI's Basic Audit Log Patterns (IHE BALP) capture on the FHIR endpoint: an AuditEvent for every
 * read, search, create, update and delete a client makes, naming the client, the user, the network
 * address and the patients concerned.
 *
 * <p>The writes of one transaction are recorded as one event ({@link TransactionAuditEvent}): BALP
 * builds the event of the first; each further write only adds the resource written and the patients
 * whose compartment it is in, found as BALP finds them. Building a whole BALP event for each of them
 * (its narrative parsed anew each time) took 7 % of the server's CPU on an EHR's transactions, for
 * events merged into the first.
 */
final class AuditTrail extends BalpAuditCaptureInterceptor implements RestInterceptor {

    private static final String PATIENT = "Patient";

    private final StoredAuditTrail trail;
    private final IBalpAuditContextServices context;

    AuditTrail(StoredAuditTrail trail, IBalpAuditContextServices context) {
        super(trail, context);
        this.trail = trail;
        this.context = context;
    }

    @Override
    @Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_CREATED)
    public void hookStoragePrecommitResourceCreated(IBaseResource resource, ServletRequestDetails request) {
        if (!joinedTransactionEvent(resource, request, AuditEventAction.C)) {
            super.hookStoragePrecommitResourceCreated(resource, request);
        }
    }

    @Override
    @Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_UPDATED)
    public void hookStoragePrecommitResourceUpdated(IBaseResource oldResource, IBaseResource resource, ServletRequestDetails request) {
        if (!joinedTransactionEvent(resource, request, AuditEventAction.U)) {
            super.hookStoragePrecommitResourceUpdated(oldResource, resource, request);
        }
    }

    @Override
    @Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_DELETED)
    public void hookStoragePrecommitResourceDeleted(IBaseResource resource, ServletRequestDetails request) {
        if (!joinedTransactionEvent(resource, request, AuditEventAction.D)) {
            super.hookStoragePrecommitResourceDeleted(resource, request);
        }
    }

    private boolean joinedTransactionEvent(IBaseResource resource, ServletRequestDetails request, AuditEventAction action) {
        return request != null && trail.joinsTransactionEvent(() -> write(resource, request, action));
    }

    /** What the event of a transaction keeps of one more write: the action, the resource, its patients. */
    AuditEvent write(IBaseResource resource, ServletRequestDetails request, AuditEventAction action) {
        AuditEvent write = new AuditEvent().setAction(action);
        AuditEvent.AuditEventEntityComponent data = write.addEntity();
        data.getWhat().setReference(context.massageResourceIdForStorage(request, resource, resource.getIdElement()));
        data.getType().setSystem(BalpConstants.CS_AUDIT_ENTITY_TYPE).setCode(BalpConstants.CS_AUDIT_ENTITY_TYPE_2_SYSTEM_OBJECT)
                .setDisplay(BalpConstants.CS_AUDIT_ENTITY_TYPE_2_SYSTEM_OBJECT_DISPLAY);
        data.getRole().setSystem(BalpConstants.CS_OBJECT_ROLE).setCode(BalpConstants.CS_OBJECT_ROLE_4_DOMAIN_RESOURCE)
                .setDisplay(BalpConstants.CS_OBJECT_ROLE_4_DOMAIN_RESOURCE_DISPLAY);
        for (String patient : patientsOf(resource, request)) {
            AuditEvent.AuditEventEntityComponent entity = write.addEntity();
            entity.getWhat().setReference(patient);
            entity.getType().setSystem(BalpConstants.CS_AUDIT_ENTITY_TYPE).setCode(BalpConstants.CS_AUDIT_ENTITY_TYPE_1_PERSON)
                    .setDisplay(BalpConstants.CS_AUDIT_ENTITY_TYPE_1_PERSON_DISPLAY);
            entity.getRole().setSystem(BalpConstants.CS_OBJECT_ROLE).setCode(BalpConstants.CS_OBJECT_ROLE_1_PATIENT)
                    .setDisplay(BalpConstants.CS_OBJECT_ROLE_1_PATIENT_DISPLAY);
        }
        return write;
    }

    /** The patients whose compartment the resource is in (a patient is in its own), as BALP names them. */
    private Set<String> patientsOf(IBaseResource resource, ServletRequestDetails request) {
        FhirContext fhirContext = request.getFhirContext();
        String type = fhirContext.getResourceType(resource);
        Set<String> patients = new TreeSet<>();
        if (PATIENT.equals(type)) {
            patients.add(context.massageResourceIdForStorage(request, resource, resource.getIdElement()));
        } else if (!fhirContext.getResourceDefinition(resource).getSearchParamsForCompartmentName(PATIENT).isEmpty()) {
            CompartmentSearchParameterModifications modifications = CompartmentSearchParameterModifications
                    .fromAdditionalAndOmittedSPNames(type, getAdditionalPatientCompartmentSPNames(), getOmittedPatientCompartmentSPNames());
            fhirContext.newTerser().getCompartmentOwnersForResource(PATIENT, resource, modifications)
                    .forEach(owner -> patients.add(context.massageResourceIdForStorage(request, resource, owner)));
        }
        return patients;
    }
}
