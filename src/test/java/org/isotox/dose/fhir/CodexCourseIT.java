package org.isotox.dose.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.isotox.testsupport.Fhir.create;
import static org.isotox.testsupport.Fhir.fhirRequest;
import static org.isotox.testsupport.Fhir.outcome;
import static org.isotox.testsupport.Fhir.parse;

import io.restassured.response.Response;
import java.time.LocalDate;
import org.hl7.fhir.r4.model.BodyStructure;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.PositiveIntType;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.ServiceRequest.ServiceRequestStatus;
import org.hl7.fhir.r4.model.UnsignedIntType;
import org.isotox.testsupport.Dvhs;
import org.isotox.testsupport.FhirServerTest;
import org.isotox.testsupport.IgExamples;
import org.isotox.testsupport.IhrStudy;
import org.isotox.testsupport.TrialFixtures;
import org.junit.jupiter.api.Test;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Period;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 24, items 2 and 3: a radiotherapy course and prescription as CodeX Radiation Therapy STU2 writes them
 * (its examples XRTS-01 course summary, after one fraction then completed and updated in place, and phase
 * prescription 04-Prostate-Phase1, in {@code src/test/resources/ig-examples/codex-rt/}) count for the trial as
 * its own records do: accepted, the course's end dating evaluability and follow-up, the prescription held to
 * the study's dose rules.
 */
@FhirServerTest
class CodexCourseIT {

    private static final String SNOMED = "http://snomed.info/sct";

    @Autowired
    private DeliveredCourses courses;

    private static final String SESSIONS = "http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-radiotherapy-sessions";
    private static final String PHASE_FRACTIONS =
            "http://hl7.org/fhir/us/codex-radiation-therapy/StructureDefinition/codexrt-radiotherapy-fractions-delivered";
    private static final String DOSE_DELIVERED = "http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-radiotherapy-dose-delivered-to-volume";

    @Test
    void aCodexCourseSummaryUpdatedInPlaceEndsTheTrialCourse() {
        IhrStudy ihr = TrialFixtures.newIhrStudy();
        String patient = ihr.enrolNewPatient("2026-01-05");
        String volume = "BodyStructure/" + create(volumeOf(patient));

        Procedure afterOneFraction = codexSummary("Procedure-RadiotherapyCourseSummary-XRTS-01-22B-01-Prostate-1P-1V-1Fx.json",
                patient, volume, "2026-01-12", "2026-01-12");
        Response created = fhirRequest(afterOneFraction).post("/Procedure");
        assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
        assertThat(notYetEvaluableReason(ihr)).isEqualTo("radiotherapy-running");

        Procedure completed = codexSummary("Procedure-RadiotherapyCourseSummary-XRTS-01-22B-01-Prostate-1P-1V.json",
                patient, volume, "2026-01-12", "2026-02-20");
        String id = parse(created, Procedure.class).getIdElement().getIdPart();
        fhirRequest(completed.setId(id)).put("/Procedure/" + id).then().statusCode(200);

        assertThat(parse(fhirRequest().get("/" + ihr.studyReference() + "/$simon-status?asOf=2026-05-21").then().statusCode(200)
                .extract().response(), Parameters.class).getParameterValue("evaluable").primitiveValue())
                .as("90 days after the CodeX course's last fraction").isEqualTo("1");
        assertThat(TrialFixtures.followUpVisits(ihr, patient)).as("the schedule counts from the CodeX course's end, as from the trial's own")
                .contains("2026-03-20");
    }


    /**
     * A CodeX summary updated after each fraction, Monday 2 to Friday 6 February then Monday 16: the versions show
     * a 10-day break, which makes an esophagitis G3 graded during it severe, as the same break between the trial's
     * own fraction records does (DeliveryIT).
     */
    @Test
    void aBreakBetweenInPlaceUpdatesCountsLikeOneBetweenFractions() {
        IhrStudy ihr = TrialFixtures.newIhrStudy();
        String patient = ihr.enrolNewPatient("2026-01-05");
        String volume = "BodyStructure/" + create(volumeOf(patient));
        LocalDate monday = LocalDate.of(2026, 2, 2);
        String id = null;
        int session = 0;
        for (int day : new int[] {0, 1, 2, 3, 4, 14, 15}) {
            session++;
            Procedure summary = codexSummary("Procedure-RadiotherapyCourseSummary-XRTS-01-22B-01-Prostate-1P-1V-1Fx.json",
                    patient, volume, monday.toString(), monday.plusDays(day).toString());
            summary.getExtensionByUrl(SESSIONS).setValue(new UnsignedIntType(session));
            if (id == null) {
                id = parse(fhirRequest(summary).post("/Procedure").then().statusCode(201).extract().response(), Procedure.class)
                        .getIdElement().getIdPart();
            } else {
                fhirRequest(summary.setId(id)).put("/Procedure/" + id).then().statusCode(200);
            }
        }
        TrialFixtures.recordToxicity(patient, TrialFixtures.ESOPHAGITIS, TrialFixtures.GRADE_3, "2026-02-10", 0);

        assertThat(parse(fhirRequest().get("/" + ihr.studyReference() + "/$simon-status?asOf=2026-02-20").then().statusCode(200)
                .extract().response(), Parameters.class).getParameterValue("severeToxicities").primitiveValue()).isEqualTo("1");
    }

    /**
     * The same break when the CodeX summary counts no sessions yet and its treated phase (CodeX's example
     * XRTS-01-22B-01-01-Primary, {@code partOf} the summary) is updated after each fraction instead: the phase's
     * {@code codexrt-radiotherapy-fractions-delivered} feeds the fraction days.
     */
    @Test
    void aBreakBetweenTreatedPhaseUpdatesCountsWhenTheSummaryCountsNoSessions() {
        IhrStudy ihr = TrialFixtures.newIhrStudy();
        String patient = ihr.enrolNewPatient("2026-01-05");
        String volume = "BodyStructure/" + create(volumeOf(patient));
        LocalDate monday = LocalDate.of(2026, 2, 2);
        Procedure summary = codexSummary("Procedure-RadiotherapyCourseSummary-XRTS-01-22B-01-Prostate-1P-1V-1Fx.json",
                patient, volume, monday.toString(), monday.toString());
        summary.getExtension().removeIf(e -> e.getUrl().equals(SESSIONS));
        Response created = fhirRequest(summary).post("/Procedure");
        assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
        String course = "Procedure/" + parse(created, Procedure.class).getIdElement().getIdPart();
        String id = null;
        int fractions = 0;
        for (int day : new int[] {0, 1, 2, 3, 4, 14, 15}) {
            fractions++;
            Procedure phase = IgExamples.load("codex-rt/Procedure-RadiotherapyTreatedPhase-XRTS-01-22B-01-01-Primary-1Fx.json", Procedure.class);
            phase.setSubject(new Reference(patient)).setLocation(null).getBasedOn().clear();
            phase.getPartOf().clear();
            phase.addPartOf(new Reference(course));
            phase.getPerformedPeriod().setStartElement(new DateTimeType(monday.toString()))
                    .setEndElement(new DateTimeType(monday.plusDays(day).toString()));
            phase.getExtensionByUrl(DOSE_DELIVERED).getExtensionByUrl("volume").setValue(new Reference(volume));
            phase.getExtensionByUrl(PHASE_FRACTIONS).setValue(new UnsignedIntType(fractions));
            if (id == null) {
                id = parse(fhirRequest(phase).post("/Procedure").then().statusCode(201).extract().response(), Procedure.class)
                        .getIdElement().getIdPart();
            } else {
                fhirRequest(phase.setId(id)).put("/Procedure/" + id).then().statusCode(200);
            }
        }
        TrialFixtures.recordToxicity(patient, TrialFixtures.ESOPHAGITIS, TrialFixtures.GRADE_3, "2026-02-10", 0);

        assertThat(parse(fhirRequest().get("/" + ihr.studyReference() + "/$simon-status?asOf=2026-02-20").then().statusCode(200)
                .extract().response(), Parameters.class).getParameterValue("severeToxicities").primitiveValue()).isEqualTo("1");
    }

    /**
     * Same facts, two shapes: one course recorded as the trial's own course summary (fractions-delivered, dose to the
     * TG-263 PTV in Gy) and as CodeX writes it (mcode-radiotherapy-sessions, dose to a BodyStructure planning target
     * volume in cGy) gives the same schedule anchors (the follow-up visits dated from the course's end) and the same
     * dose delivered to the target.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        "completed after 23 fractions, 69 Gy; completed; Procedure-RadiotherapyCourseSummary-XRTS-01-22B-01-Prostate-1P-1V.json; 23; 2026-02-20; 2026-03-20",
        "in progress after 10 fractions, 30 Gy; in-progress; Procedure-RadiotherapyCourseSummary-XRTS-01-22B-01-Prostate-1P-1V-1Fx.json; 10; 2026-01-23; ",
    })
    void theSameCourseInBothShapesGivesTheSameAnchorsAndDose(String facts, String status, String codexFile, int fractions,
            String lastFraction, String firstFollowUp) {
        IhrStudy ihr = TrialFixtures.newIhrStudy();
        String trialPatient = ihr.enrolNewPatient("2026-01-05");
        String codexPatient = ihr.enrolNewPatient("2026-01-05");
        double gray = 3.0 * fractions;

        Procedure trial = new Procedure().setStatus(Procedure.ProcedureStatus.fromCode(status)).setSubject(new Reference(trialPatient));
        trial.getCategory().addCoding(new Coding(SNOMED, "1287742003", "Radiotherapy (procedure)"));
        trial.getCode().addCoding(new Coding(SNOMED, "1217123003", "Radiotherapy course of treatment (regime/therapy)"));
        trial.setPerformed(new Period().setStartElement(new DateTimeType("2026-01-12")).setEndElement(new DateTimeType(lastFraction)));
        trial.addExtension(IhrStudy.PROFILE_BASE + "fractions-delivered", new UnsignedIntType(fractions));
        Extension dose = trial.addExtension().setUrl(IhrStudy.PROFILE_BASE + "dose-delivered-to-volume");
        dose.addExtension("volume", new CodeableConcept().addCoding(new Coding(Dvhs.TG263, "PTV", null)));
        dose.addExtension("totalDoseDelivered", Dvhs.gray(gray));
        dose.addExtension("fractionsDelivered", new UnsignedIntType(fractions));
        Response own = fhirRequest(trial).post("/Procedure");
        assertThat(own.statusCode()).as(own.asString()).isEqualTo(201);

        Procedure codex = codexSummary(codexFile, codexPatient, "BodyStructure/" + create(volumeOf(codexPatient)), "2026-01-12", lastFraction);
        codex.getExtensionByUrl(SESSIONS).setValue(new UnsignedIntType(fractions));
        Extension codexDose = codex.getExtensionByUrl(DOSE_DELIVERED);
        ((Quantity) codexDose.getExtensionByUrl("totalDoseDelivered").getValue()).setValue(100 * gray);
        codexDose.getExtensionByUrl("fractionsDelivered").setValue(new UnsignedIntType(fractions));
        Response standard = fhirRequest(codex).post("/Procedure");
        assertThat(standard.statusCode()).as(standard.asString()).isEqualTo(201);

        List<String> trialVisits = TrialFixtures.followUpVisits(ihr, trialPatient);
        assertThat(TrialFixtures.followUpVisits(ihr, codexPatient)).as(facts).isEqualTo(trialVisits);
        if (firstFollowUp != null) {
            assertThat(trialVisits).contains(firstFollowUp);
        }
        LocalDate enrolment = LocalDate.of(2026, 1, 5);
        assertThat(courses.targetDosesGy(Map.of(trialPatient, enrolment, codexPatient, enrolment)))
                .containsOnly(Map.entry(trialPatient, gray), Map.entry(codexPatient, gray));
    }

    @Test
    void aCodexPhasePrescriptionIsHeldToTheStudysDoseRules() {
        String patient = TrialFixtures.newIhrStudy().enrolNewPatient("2026-01-05");
        Dvhs.lungV20Binds().storeFor(patient);
        String volume = "BodyStructure/" + create(volumeOf(patient));

        Response asWritten = fhirRequest(codexPrescription(patient, volume, 180, 25)).post("/ServiceRequest");
        assertThat(asWritten.statusCode()).as(asWritten.asString()).isEqualTo(422);
        assertThat(outcome(asWritten).getIssue()).anySatisfy(i -> assertThat(i.getDiagnostics()).contains("1.8 Gy differs from the study's 3 Gy"));

        Response trialDose = fhirRequest(codexPrescription(patient, volume, 300, 23)).post("/ServiceRequest");
        assertThat(trialDose.statusCode()).as(trialDose.asString()).isEqualTo(201);
    }

    private static Procedure codexSummary(String file, String patient, String volume, String start, String end) {
        Procedure summary = IgExamples.load("codex-rt/" + file, Procedure.class);
        summary.setSubject(new Reference(patient)).setLocation(null).getBasedOn().clear();
        summary.getPerformedPeriod().setStartElement(new DateTimeType(start)).setEndElement(new DateTimeType(end));
        summary.getExtensionByUrl(DOSE_DELIVERED).getExtensionByUrl("volume").setValue(new Reference(volume));
        assertThat(summary.getExtensionByUrl(SESSIONS).getValue()).isInstanceOf(UnsignedIntType.class);
        return summary;
    }

    /** The example with its first volume only, at this fraction dose and count. */
    private static ServiceRequest codexPrescription(String patient, String volume, int fractionDoseCGy, int fractions) {
        ServiceRequest prescription = IgExamples.load("codex-rt/ServiceRequest-RadiotherapyPhasePrescription-04-Prostate-Phase1.json",
                ServiceRequest.class);
        prescription.setStatus(ServiceRequestStatus.DRAFT).setSubject(new Reference(patient))
                .setAuthoredOnElement(new DateTimeType(LocalDate.of(2026, 1, 8).toString()));
        prescription.setRequester(null).getLocationReference().clear();
        prescription.getBasedOn().clear();
        prescription.getReasonReference().clear();
        String doses = "http://hl7.org/fhir/us/codex-radiation-therapy/StructureDefinition/codexrt-radiotherapy-dose-prescribed-to-volume";
        Extension first = prescription.getExtensionsByUrl(doses).get(0);
        prescription.getExtension().removeIf(e -> e.getUrl().equals(doses) && e != first);
        first.getExtensionByUrl("volume").setValue(new Reference(volume));
        ((Quantity) first.getExtensionByUrl("fractionDose").getValue()).setValue(fractionDoseCGy);
        ((Quantity) first.getExtensionByUrl("totalDose").getValue()).setValue(fractionDoseCGy * fractions);
        prescription.getExtensionByUrl("http://hl7.org/fhir/us/codex-radiation-therapy/StructureDefinition/codexrt-radiotherapy-fractions-prescribed")
                .setValue(new PositiveIntType(fractions));
        return prescription;
    }

    private static BodyStructure volumeOf(String patient) {
        return IgExamples.load("codex-rt/BodyStructure-RadiotherapyVolume-XRTS-01-22B-01-Prostate.json", BodyStructure.class)
                .setPatient(new Reference(patient));
    }

    private static String notYetEvaluableReason(IhrStudy ihr) {
        Parameters status = parse(fhirRequest().get("/" + ihr.studyReference() + "/$simon-status?asOf=2026-01-13").then()
                .statusCode(200).extract().response(), Parameters.class);
        return status.getParameter("notYetEvaluable").getPart().stream().filter(p -> p.getName().equals("reason")).findFirst()
                .orElseThrow().getValue().primitiveValue();
    }
}
