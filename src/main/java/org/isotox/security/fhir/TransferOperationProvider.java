package org.isotox.security.fhir;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.dao.tx.HapiTransactionService;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.isotox.fhir.OperationProvider;
import org.isotox.security.domain.Owner;
import org.springframework.stereotype.Component;

/**
 * {@code POST Patient/{id}/$transfer} (parameter {@code site}: the site's code): the coordinator moves a patient and his records to
 * another site, in one transaction, and the trail records who did it (an AuditEvent naming the patient,
 * the sites and the coordinator). The only way a patient changes site.
 */
@Component
class TransferOperationProvider implements OperationProvider {

    private final DaoRegistry daoRegistry;
    private final HapiTransactionService transactions;
    private final SiteDirectory sites;
    private final StoredOwners owners;
    private final PatientPlacement placement;

    TransferOperationProvider(DaoRegistry daoRegistry, HapiTransactionService transactions, SiteDirectory sites,
            StoredOwners owners, PatientPlacement placement) {
        this.daoRegistry = daoRegistry;
        this.transactions = transactions;
        this.sites = sites;
        this.owners = owners;
        this.placement = placement;
    }

    @Operation(name = "$transfer", type = org.hl7.fhir.r4.model.Patient.class)
    public Parameters transfer(@IdParam IdType patientId, @OperationParam(name = "site", min = 1, max = 1) StringType site,
            RequestDetails request) {
        IdType patient = new IdType("Patient", patientId.getIdPart());
        String code = site == null ? "" : site.getValue();
        if (sites.site(code).isEmpty()) {
            throw new InvalidRequestException("$transfer: site '" + code + "' is not a trial site (give its code, e.g. ihr-ncpb)");
        }
        Owner from = owners.of(patient, request).orElseThrow(() -> new ResourceNotFoundException(patient));
        Owner to = Owner.site(code);
        int moved = from.equals(to) ? 0 : transactions.withSystemRequest().execute(() -> {
            int relabelled = placement.move(patient, from, to, request);
            daoRegistry.getResourceDao(AuditEvent.class).create(audit(patient, from, to, relabelled), new SystemRequestDetails());
            return relabelled;
        });
        Parameters result = new Parameters();
        result.addParameter().setName("patient").setValue(new Reference(patient.getValue()));
        result.addParameter().setName("from").setValue(OwnershipLabels.coding(from));
        result.addParameter().setName("to").setValue(OwnershipLabels.coding(to));
        result.addParameter().setName("resources").setValue(new IntegerType(moved));
        return result;
    }

    private static AuditEvent audit(IdType patient, Owner from, Owner to, int relabelled) {
        AuditEvent event = new AuditEvent();
        event.setType(new Coding("http://terminology.hl7.org/CodeSystem/audit-event-type", "rest", "RESTful Operation"));
        event.addSubtype(new Coding("https://isotox.org/fhir/CodeSystem/isotox", "site-transfer", "Transfer of a patient to another site"));
        event.setAction(AuditEvent.AuditEventAction.U);
        event.setRecordedElement(InstantType.now());
        event.setOutcome(AuditEvent.AuditEventOutcome._0);
        event.setOutcomeDesc("Patient moved from " + OwnershipLabels.coding(from).getCode() + " to " + OwnershipLabels.coding(to).getCode()
                + " with " + relabelled + " resources");
        Reference who = BearerGrants.token()
                .map(token -> new Reference().setDisplay(token.getSubject() + " (" + token.getClaimAsString(TokenClaims.ROLE) + ")"))
                .orElse(new Reference().setDisplay("server"));
        event.addAgent().setRequestor(true).setWho(who);
        event.getSource().setObserver(new Reference().setDisplay("Isotox FHIR server"));
        event.addEntity().setWhat(new Reference(patient.getValue()))
                .setRole(new Coding("http://terminology.hl7.org/CodeSystem/object-role", "1", "Patient"));
        return event;
    }
}
