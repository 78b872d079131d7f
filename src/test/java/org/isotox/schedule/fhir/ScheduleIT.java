package org.isotox.schedule.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.isotox.schedule.fhir.ScheduleFixtures.carePlan;
import static org.isotox.schedule.fhir.ScheduleFixtures.code;
import static org.isotox.schedule.fhir.ScheduleFixtures.scheduled;
import static org.isotox.schedule.fhir.ScheduleFixtures.task;
import static org.isotox.schedule.fhir.ScheduleFixtures.tasks;
import static org.isotox.schedule.fhir.ScheduleFixtures.window;
import static org.isotox.testsupport.Fhir.bundle;
import static org.isotox.testsupport.Fhir.fhirRequest;
import static org.isotox.testsupport.Fhir.parse;

import java.time.LocalDate;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleType;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CarePlan.CarePlanActivityComponent;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Task.TaskStatus;
import org.isotox.schedule.fhir.ScheduleFixtures.Enrolled;
import org.isotox.testsupport.Fhir;
import org.isotox.testsupport.FhirServerTest;
import org.isotox.testsupport.IhrStudy;
import org.isotox.testsupport.TrialFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A subject's schedule: made at enrolment, dated by its radiotherapy, fulfilled by its records. */
@FhirServerTest
class ScheduleIT {

    private IhrStudy ihr;
    private String site;

    @BeforeEach
    void study() {
        ihr = TrialFixtures.newIhrStudy();
        site = ihr.siteOrganization();
    }

    @Test
    void enrolmentMakesTheCarePlanOfEveryPlannedActivityAndTheBaselineTask() {
        Enrolled subject = ScheduleFixtures.enrol(ihr, site, "2026-01-05");

        List<Task> tasks = tasks(subject);
        assertThat(tasks).hasSize(1);
        Task baseline = tasks.get(0);
        assertThat(baseline.getStatus()).isEqualTo(TaskStatus.REQUESTED);
        assertThat(code(baseline)).isEqualTo("qol-assessment");
        assertThat(baseline.getIdentifierFirstRep().getValue()).isEqualTo(subject.subjectId() + "/qol-baseline/1");
        assertThat(baseline.getFor().getReference()).isEqualTo(subject.patient());
        assertThat(baseline.getFocus().getReference()).isEqualTo(subject.subject());
        assertThat(baseline.getOwner().getReference()).isEqualTo(site);
        assertThat(scheduled(baseline)).isEqualTo("2026-01-05");
        assertThat(window(baseline)).isEqualTo("2025-12-22..2026-01-12");

        CarePlan carePlan = carePlan(subject);
        assertThat(carePlan.getInstantiatesCanonical().get(0).getValue())
                .startsWith("https://isotox.org/fhir/PlanDefinition/ihr-protocol-").endsWith("|1.0");
        assertThat(carePlan.getSubject().getReference()).isEqualTo(subject.patient());
        assertThat(carePlan.getPeriod().getStartElement().getValueAsString()).isEqualTo("2026-01-05");
        assertThat(baseline.getBasedOnFirstRep().getReference()).isEqualTo("CarePlan/" + carePlan.getIdElement().getIdPart());
        assertThat(carePlan.getActivity()).hasSize(76);
        assertThat(carePlan.getActivity()).filteredOn(CarePlanActivityComponent::hasReference)
                .extracting(a -> a.getReference().getReference())
                .containsExactly("Task/" + baseline.getIdElement().getIdPart());
        assertThat(carePlan.getActivity()).filteredOn(CarePlanActivityComponent::hasDetail)
                .extracting(a -> a.getDetail().getStatus().toCode())
                .containsOnly("not-started");
    }

    @Test
    void theCourseSummaryDatesEveryActivityExactlyAndWritingItAgainChangesNothing() {
        Enrolled subject = ScheduleFixtures.enrol(ihr, site, "2026-01-05");
        String course = TrialFixtures.completeCourse(subject.patient(), "2026-01-12", "2026-02-20", 13);

        List<Task> tasks = tasks(subject);
        assertThat(tasks).hasSize(76).allMatch(t -> t.getStatus() == TaskStatus.REQUESTED);
        assertThat(tasks).filteredOn(t -> code(t).equals("follow-up-visit")).extracting(ScheduleFixtures::scheduled).containsExactly(
                "2026-02-20", "2026-03-20",
                "2026-05-20", "2026-08-20", "2026-11-20", "2027-02-20", "2027-05-20", "2027-08-20", "2027-11-20", "2028-02-20",
                "2028-08-20", "2029-02-20", "2029-08-20", "2030-02-20", "2030-08-20", "2031-02-20");
        assertThat(tasks).filteredOn(t -> code(t).equals("imaging")).extracting(ScheduleFixtures::scheduled)
                .containsExactly("2026-08-20", "2027-02-20", "2027-08-20", "2028-02-20", "2028-08-20",
                        "2029-02-20", "2029-08-20", "2030-02-20", "2030-08-20", "2031-02-20");
        assertThat(window(task(subject, "qol-week-4/1"))).isEqualTo("2026-02-02..2026-02-16");
        assertThat(window(task(subject, "visits-3-monthly-response-ct/8"))).isEqualTo("2028-02-06..2028-03-05");
        assertThat(carePlan(subject).getActivity()).allMatch(CarePlanActivityComponent::hasReference);

        Procedure summary = parse(fhirRequest().get("/" + course).then().statusCode(200).extract().response(), Procedure.class);
        fhirRequest(summary).put("/" + course).then().statusCode(200);
        assertThat(tasks(subject)).hasSize(76).allMatch(t -> t.getMeta().getVersionId().equals("1"));
    }

    @Test
    void aFinishedEncounterInItsWindowFulfilsTheVisitAndAQuestionnaireItsQualityOfLife() {
        Enrolled subject = ScheduleFixtures.enrol(ihr, site, "2026-01-05");
        TrialFixtures.completeCourse(subject.patient(), "2026-01-12", "2026-02-20", 13);

        String encounter = ScheduleFixtures.visit(subject.patient(), "2026-03-18");
        ScheduleFixtures.questionnaire(subject.patient(), "2026-03-18");
        ScheduleFixtures.visit(subject.patient(), "2026-04-15"); // between the 1-month window (to 27 March) and the 3-month one (from 6 May)

        Task visit = task(subject, "visit-1-month/1");
        assertThat(visit.getStatus()).isEqualTo(TaskStatus.COMPLETED);
        assertThat(((Reference) visit.getOutputFirstRep().getValue()).getReference()).isEqualTo(encounter);
        assertThat(task(subject, "visit-1-month-qol/1").getStatus()).isEqualTo(TaskStatus.COMPLETED);
        assertThat(tasks(subject)).filteredOn(t -> t.getStatus() == TaskStatus.COMPLETED)
                .extracting(t -> t.getIdentifierFirstRep().getValue())
                .containsExactlyInAnyOrder(subject.subjectId() + "/visit-1-month/1", subject.subjectId() + "/visit-1-month-qol/1");
    }

    /**
     * A transaction's records are matched together once it is written: of two visits in the 1-month window
     * (due 20 March), the one nearer its due day fulfils it, whichever entry comes first. A batch's entries
     * are separate writes: the first visit fulfils it, and the second finds it done. Either way each Task is
     * completed once (version 2): a later record of the same transaction does not complete it again.
     */
    @ParameterizedTest
    @CsvSource({"TRANSACTION, 1", "BATCH, 0"})
    void aVisitSentInOneBundleFulfilsEachOfItsTasksAsATransactionOrAsSeparateWrites(BundleType type, int creditedEntry) {
        Enrolled subject = ScheduleFixtures.enrol(ihr, site, "2026-01-05");
        TrialFixtures.completeCourse(subject.patient(), "2026-01-12", "2026-02-20", 13);
        Bundle visit = Fhir.creating(type, List.of(
                ScheduleFixtures.encounter(subject.patient(), "2026-03-16"),
                ScheduleFixtures.encounter(subject.patient(), "2026-03-19"),
                ScheduleFixtures.questionnaireResponse(subject.patient(), "2026-03-19")));

        Bundle response = bundle(fhirRequest(visit).post("/").then().statusCode(200).extract().response());

        List<String> written = response.getEntry().stream()
                .map(e -> new IdType(e.getResponse().getLocation()).toUnqualifiedVersionless().getValue()).toList();
        Task visitTask = task(subject, "visit-1-month/1");
        assertThat(visitTask.getStatus()).isEqualTo(TaskStatus.COMPLETED);
        assertThat(visitTask.getMeta().getVersionId()).isEqualTo("2");
        assertThat(((Reference) visitTask.getOutputFirstRep().getValue()).getReference()).isEqualTo(written.get(creditedEntry));
        assertThat(((Reference) task(subject, "visit-1-month-qol/1").getOutputFirstRep().getValue()).getReference())
                .isEqualTo(written.get(2));
        assertThat(tasks(subject)).filteredOn(t -> t.getStatus() == TaskStatus.COMPLETED).hasSize(2);
    }

    @Test
    void recordsThatCameBeforeTheirTasksFulfilThemWhenRadiotherapyDatesThem() {
        Enrolled subject = ScheduleFixtures.enrol(ihr, site, "2026-01-05");
        ScheduleFixtures.questionnaire(subject.patient(), "2026-01-06");
        ScheduleFixtures.chestCt(subject.patient(), "2026-02-23");
        ScheduleFixtures.toxicityAssessment(subject.patient(), "2026-02-23");

        TrialFixtures.completeCourse(subject.patient(), "2026-01-12", "2026-02-20", 13);

        assertThat(tasks(subject)).filteredOn(t -> t.getStatus() == TaskStatus.COMPLETED)
                .extracting(t -> t.getIdentifierFirstRep().getValue().substring(subject.subjectId().length() + 1))
                .containsExactlyInAnyOrder("qol-baseline/1", "end-of-rt-response-ct/1", "end-of-rt-toxicity/1");
    }

    @Test
    void correctingTheEndOfRadiotherapyMovesOpenTasksAndKeepsCompletedOnes() {
        Enrolled subject = ScheduleFixtures.enrol(ihr, site, "2026-01-05");
        String course = TrialFixtures.completeCourse(subject.patient(), "2026-01-12", "2026-02-20", 13);
        ScheduleFixtures.visit(subject.patient(), "2026-03-20");

        Procedure corrected = parse(fhirRequest().get("/" + course).then().statusCode(200).extract().response(), Procedure.class);
        corrected.getPerformedPeriod().setEndElement(new DateTimeType("2026-02-27"));
        fhirRequest(corrected).put("/" + course).then().statusCode(200);

        assertThat(task(subject, "visit-1-month/1")).extracting(Task::getStatus, ScheduleFixtures::window)
                .containsExactly(TaskStatus.COMPLETED, "2026-03-13..2026-03-27");
        assertThat(task(subject, "visit-1-month-qol/1")).extracting(Task::getStatus, ScheduleFixtures::scheduled)
                .containsExactly(TaskStatus.REQUESTED, "2026-03-27");
        assertThat(scheduled(task(subject, "visits-3-monthly/1"))).isEqualTo("2026-05-27");
        assertThat(tasks(subject)).hasSize(76);
    }

    @Test
    void deliveredFractionsDateTheOnTreatmentQuestionnaireBeforeTheCourseIsOver() {
        Enrolled subject = ScheduleFixtures.enrol(ihr, site, "2026-01-05");

        TrialFixtures.deliverFractions(subject.patient(), LocalDate.of(2026, 1, 12), LocalDate.of(2026, 1, 13), LocalDate.of(2026, 1, 14));

        assertThat(tasks(subject)).extracting(t -> t.getIdentifierFirstRep().getValue(), ScheduleFixtures::scheduled)
                .containsExactly(
                        tuple(subject.subjectId() + "/qol-baseline/1", "2026-01-05"),
                        tuple(subject.subjectId() + "/qol-week-4/1", "2026-02-09"));
    }

    @Test
    void deathCancelsWhatWouldFallDueAfterIt() {
        Enrolled subject = ScheduleFixtures.enrol(ihr, site, "2026-01-05");
        TrialFixtures.completeCourse(subject.patient(), "2026-01-12", "2026-02-20", 13);

        Patient patient = parse(fhirRequest().get("/" + subject.patient()).then().statusCode(200).extract().response(), Patient.class);
        patient.setDeceased(new DateTimeType("2026-06-01"));
        fhirRequest(patient).put("/" + subject.patient()).then().statusCode(200);

        List<Task> tasks = tasks(subject);
        assertThat(tasks).filteredOn(t -> t.getStatus() == TaskStatus.REQUESTED).extracting(ScheduleFixtures::scheduled)
                .allMatch(day -> day.compareTo("2026-06-01") <= 0)
                .hasSize(14);
        assertThat(tasks).filteredOn(t -> t.getStatus() == TaskStatus.CANCELLED)
                .hasSize(62)
                .allMatch(t -> t.getStatusReason().getCodingFirstRep().getCode().equals("follow-up-ended"));
    }
}
