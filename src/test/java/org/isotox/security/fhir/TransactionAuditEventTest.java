package org.isotox.security.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventAction;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventEntityComponent;
import org.hl7.fhir.r4.model.Coding;
import org.junit.jupiter.api.Test;

class TransactionAuditEventTest {

    private static final String BALP_CREATE = "https://profiles.ihe.net/ITI/BALP/StructureDefinition/IHE.BasicAudit.PatientCreate";

    @Test
    void aSingleWriteKeepsHapisBalpEvent() {
        AuditEvent create = write(AuditEventAction.C, "Observation/1/_history/1", "Patient/7");

        assertThat(TransactionAuditEvent.of(List.of(create))).isSameAs(create);
    }

    @Test
    void writesOfOneTransactionBecomeOneEventNamingEachResourceAndItsLifecycleAndEachPatientOnce() {
        AuditEvent merged = TransactionAuditEvent.of(List.of(
                write(AuditEventAction.C, "Patient/7/_history/1", "Patient/7/_history/1"),
                write(AuditEventAction.C, "Observation/1/_history/1", "Patient/7"),
                write(AuditEventAction.U, "Observation/2/_history/3", "Patient/7"),
                write(AuditEventAction.D, "Condition/3/_history/2", "Patient/8")));

        assertThat(merged.getEntity()).extracting(e -> e.getType().getCode(), e -> e.getWhat().getReference(),
                        e -> e.getRole().getCode(), e -> e.getLifecycle().getCode())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("XrequestId", null, null, null),
                        org.assertj.core.groups.Tuple.tuple("2", "Patient/7/_history/1", "4", "1"),
                        org.assertj.core.groups.Tuple.tuple("1", "Patient/7/_history/1", "1", null),
                        org.assertj.core.groups.Tuple.tuple("2", "Observation/1/_history/1", "4", "1"),
                        org.assertj.core.groups.Tuple.tuple("2", "Observation/2/_history/3", "4", "3"),
                        org.assertj.core.groups.Tuple.tuple("2", "Condition/3/_history/2", "4", "14"),
                        org.assertj.core.groups.Tuple.tuple("1", "Patient/8", "1", null));
        assertThat(merged.getEntity()).filteredOn(AuditEventEntityComponent::hasLifecycle)
                .allSatisfy(e -> assertThat(e.getLifecycle().getSystem()).isEqualTo("http://terminology.hl7.org/CodeSystem/dicom-audit-lifecycle"));
        // mixed writes: DICOM's "execute"; BALP's one-resource profiles no longer describe the event
        assertThat(merged.getAction()).isEqualTo(AuditEventAction.E);
        assertThat(merged.getMeta().getProfile()).isEmpty();
        assertThat(merged.getSubtypeFirstRep().getCode()).isEqualTo("transaction");
        assertThat(merged.getAgent()).hasSize(1);
    }

    @Test
    void writesOfOneKindKeepTheirAction() {
        AuditEvent merged = TransactionAuditEvent.of(List.of(
                write(AuditEventAction.C, "Observation/1/_history/1", "Patient/7"),
                write(AuditEventAction.C, "Observation/2/_history/1", "Patient/7")));

        assertThat(merged.getAction()).isEqualTo(AuditEventAction.C);
    }

    /** An event as HAPI's BALP capture writes it for one resource written in a FHIR transaction. */
    private static AuditEvent write(AuditEventAction action, String resource, String patient) {
        AuditEvent event = new AuditEvent().setAction(action);
        event.getMeta().addProfile(BALP_CREATE);
        event.addSubtype(new Coding("http://hl7.org/fhir/restful-interaction", "transaction", "transaction"));
        event.addAgent().setRequestor(true).getWho().getIdentifier().setValue("coordinator");
        event.addEntity().getType().setSystem("https://profiles.ihe.net/ITI/BALP/CodeSystem/BasicAuditEntityType").setCode("XrequestId");
        AuditEventEntityComponent data = event.addEntity();
        data.getWhat().setReference(resource);
        data.getType().setCode("2");
        data.getRole().setCode("4");
        AuditEventEntityComponent subject = event.addEntity();
        subject.getWhat().setReference(patient);
        subject.getType().setCode("1");
        subject.getRole().setCode("1");
        return event;
    }
}
