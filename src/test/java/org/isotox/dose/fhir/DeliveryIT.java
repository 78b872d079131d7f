package org.isotox.dose.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.isotox.testsupport.Fhir.bundle;
import static org.isotox.testsupport.Fhir.fhirRequest;
import static org.isotox.testsupport.Fhir.parse;

import java.time.LocalDate;
import java.util.Arrays;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Quantity;
import org.isotox.testsupport.FhirServerTest;
import org.isotox.testsupport.IhrStudy;
import org.isotox.testsupport.TrialFixtures;
import org.junit.jupiter.api.Test;

/** Delivered fractions keep the course summary current, and a long break makes grade 3 esophagitis severe. */
@FhirServerTest
class DeliveryIT {

    private static final LocalDate MONDAY = LocalDate.of(2026, 2, 2);

    @Test
    void fractionsGiveTheCourseSummaryWithItsInterruption() {
        String patient = enrolledPatient(TrialFixtures.newIhrStudy());
        // Mon 2 - Fri 6 February, then Mon 16: 10 days from Friday to Monday, beyond a weekend
        deliver(patient, 0, 1, 2, 3, 4, 14);

        Procedure summary = courseSummaryOf(patient);

        assertThat(summary.getStatus()).isEqualTo(Procedure.ProcedureStatus.INPROGRESS);
        assertThat(extension(summary, "fractions-delivered").getValue().primitiveValue()).isEqualTo("6");
        Extension dose = summary.getExtensionByUrl(IhrStudy.PROFILE_BASE + "dose-delivered-to-volume");
        assertThat(((Quantity) dose.getExtensionByUrl("totalDoseDelivered").getValue()).getValue()).isEqualByComparingTo("18");
        Extension pause = extension(summary, "treatment-interruption");
        assertThat(pause.getExtensionByUrl("lengthInDays").getValue().primitiveValue()).isEqualTo("10");
        assertThat(summary.getPerformedPeriod().getStartElement().getValueAsString()).isEqualTo("2026-02-02");
        assertThat(summary.getPerformedPeriod().getEndElement().getValueAsString()).isEqualTo("2026-02-16");
    }

    @Test
    void gradeThreeEsophagitisDuringABreakOfSevenDaysOrMoreIsSevere() {
        IhrStudy ihr = TrialFixtures.newIhrStudy();
        String longBreak = enrolledPatient(ihr);
        String shortBreak = enrolledPatient(ihr);
        deliver(longBreak, 0, 1, 2, 3, 4, 14);   // Friday 6 -> Monday 16: 10 days
        deliver(shortBreak, 0, 1, 2, 3, 4, 9);   // Friday 6 -> Wednesday 11: 5 days

        TrialFixtures.recordToxicity(longBreak, TrialFixtures.ESOPHAGITIS, TrialFixtures.GRADE_3, "2026-02-09", 0);
        TrialFixtures.recordToxicity(shortBreak, TrialFixtures.ESOPHAGITIS, TrialFixtures.GRADE_3, "2026-02-09", 0);

        Parameters status = parse(fhirRequest().get("/" + ihr.studyReference() + "/$simon-status").then().statusCode(200)
                .extract().response(), Parameters.class);
        assertThat(status.getParameterValue("severeToxicities").primitiveValue()).isEqualTo("1");
    }

    private static String enrolledPatient(IhrStudy ihr) {
        String patient = TrialFixtures.eligiblePatient();
        TrialFixtures.enrol(ihr, patient, "2026-01-05").then().statusCode(201);
        return patient;
    }

    private static void deliver(String patient, int... daysAfterMonday) {
        TrialFixtures.deliverFractions(patient, Arrays.stream(daysAfterMonday).mapToObj(MONDAY::plusDays).toArray(LocalDate[]::new));
    }

    private static Procedure courseSummaryOf(String patient) {
        Bundle found = bundle(fhirRequest()
                .get("/Procedure?identifier=https://isotox.org/fhir/sid/derived-course-summary|"
                        + patient.substring("Patient/".length()))
                .then()
                .statusCode(200)
                .extract()
                .response());
        assertThat(found.getEntry()).hasSize(1);
        return (Procedure) found.getEntryFirstRep().getResource();
    }

    private static Extension extension(Procedure procedure, String name) {
        return procedure.getExtensionByUrl(IhrStudy.PROFILE_BASE + name);
    }
}
