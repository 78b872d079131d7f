package org.isotox.schedule.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.isotox.testsupport.Fhir.bundle;
import static org.isotox.testsupport.Fhir.fhirRequest;
import static org.isotox.testsupport.Fhir.fhirRequestAs;
import static org.isotox.testsupport.Fhir.parse;

import io.restassured.response.Response;
import java.util.Map;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.ResearchSubject;
import org.hl7.fhir.r4.model.Task;
import org.isotox.schedule.fhir.ScheduleFixtures.Enrolled;
import org.isotox.testsupport.Fhir;
import org.isotox.testsupport.FhirServerTest;
import org.isotox.testsupport.IhrStudy;
import org.isotox.testsupport.Synthea;
import org.isotox.testsupport.Tokens;
import org.isotox.testsupport.TrialFixtures;
import org.junit.jupiter.api.Test;

/**
 * A trial subject's past record as an EHR sends it, met by the trial's rules on data we did not write: Gilbert
 * Wunsch's Synthea record (public sample data, {@code src/test/resources/synthea}; 764 entries: non-small cell lung
 * cancer treated by 48 sessions of combined chemotherapy and radiotherapy in 2008-2012, with CarePlans, medication,
 * claims and 207 Observations), sent by the site's EHR for a patient already enrolled. The one change to the record
 * is the one an EHR makes for a patient the server knows: its Patient entry is left out and the references to it
 * point at the enrolled patient.
 */
@FhirServerTest
class SyntheaRecordOfASubjectIT {

    private static final String GILBERT = "Gilbert_Wunsch_ab591293-dc94-4290-a29f-f35522273600.json";

    @Test
    void anEnrolledSubjectsPastRecordIsStoredWholeAndMovesNoTrialRule() {
        IhrStudy ihr = TrialFixtures.newIhrStudy();
        String patient = TrialFixtures.eligiblePatientAs(Tokens.INVESTIGATOR_HMU2, "Wunsch");
        Enrolled subject = ScheduleFixtures.enrol(ihr, TrialFixtures.siteOrganization("ihr-hmu2"), "2026-01-05", patient);
        Map<String, Task.TaskStatus> tasksBefore = taskStatuses(subject);
        Parameters statusBefore = simonStatus(ihr);
        int observationsBefore = Fhir.count("Observation", "subject=" + patient);
        Bundle record = Synthea.parsed(pointedAt(Synthea.json(GILBERT), patient));

        Response pushed = fhirRequestAs(Tokens.EHR_HMU2).body(Fhir.json(record)).post("/");

        assertThat(pushed.statusCode()).as(pushed.asString()).isEqualTo(200);
        assertThat(bundle(pushed).getEntry()).hasSize(record.getEntry().size())
                .allSatisfy(e -> assertThat(e.getResponse().getStatus()).startsWith("201"));
        assertThat(Fhir.count("Observation", "subject=" + patient)).isEqualTo(observationsBefore + count(record, "Observation"));
        assertThat(taskStatuses(subject)).as("nothing from 2008-2012 fulfils a visit of 2026").isEqualTo(tasksBefore);
        assertThat(ScheduleFixtures.carePlan(subject).getActivity()).isNotEmpty();
        assertThat(Fhir.count("Procedure", "subject=" + patient + "&code=http://snomed.info/sct|1217123003"))
                .as("chemoradiation sessions of another time are no course of the trial's radiotherapy").isZero();
        Parameters statusAfter = simonStatus(ihr);
        for (String part : new String[] {"enrolled", "severeToxicities", "decision"}) {
            assertThat(statusAfter.getParameterValue(part).primitiveValue()).isEqualTo(statusBefore.getParameterValue(part).primitiveValue());
        }
        ResearchSubject stored = parse(fhirRequest().get("/" + subject.subject()).then().statusCode(200).extract().response(),
                ResearchSubject.class);
        assertThat(stored.getStatus()).isEqualTo(ResearchSubject.ResearchSubjectStatus.ONSTUDY);
    }

    /** The record with its Patient entry left out and every reference to that Patient pointing at {@code patient}. */
    private static String pointedAt(String json, String patient) {
        Bundle record = Synthea.parsed(json);
        Bundle.BundleEntryComponent own = record.getEntry().stream()
                .filter(e -> e.getResource().fhirType().equals("Patient")).findFirst().orElseThrow();
        record.getEntry().remove(own);
        return Fhir.json(record).replace("\"" + own.getFullUrl() + "\"", "\"" + patient + "\"");
    }

    private static int count(Bundle record, String type) {
        return (int) record.getEntry().stream().filter(e -> e.getResource().fhirType().equals(type)).count();
    }

    private static Map<String, Task.TaskStatus> taskStatuses(Enrolled subject) {
        return ScheduleFixtures.tasks(subject).stream()
                .collect(Collectors.toMap(t -> t.getIdentifierFirstRep().getValue(), Task::getStatus));
    }

    private static Parameters simonStatus(IhrStudy ihr) {
        return parse(fhirRequest().get("/" + ihr.studyReference() + "/$simon-status").then().statusCode(200).extract().response(),
                Parameters.class);
    }
}
