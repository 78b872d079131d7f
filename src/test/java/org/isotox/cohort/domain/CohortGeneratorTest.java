package org.isotox.cohort.domain;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.stream.IntStream;
import org.isotox.cohort.domain.SyntheticSubject.Lesion;
import org.isotox.cohort.domain.SyntheticSubject.Toxicity;
import org.isotox.cohort.domain.SyntheticSubject.Visit;
import org.isotox.dose.domain.CumulativeDvh;
import org.isotox.dose.domain.IhrExamples;
import org.isotox.dose.domain.IsotoxicPrescriber;
import org.isotox.dose.domain.IsotoxicPrescription;
import org.isotox.dose.domain.ReferencePlan;
import org.isotox.schedule.domain.Schedule;
import org.isotox.schedule.fhir.PlanScheduleReader;
import org.isotox.simon.domain.SimonDesign;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.PlanDefinition;
import org.junit.jupiter.api.Test;

class CohortGeneratorTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 1);
    /** IHR Simon design: stop when 4 of the first 12 had a severe toxicity (r1 = 8); acceptable with at most 4 of 30 (r = 25). */
    private static final SimonDesign IHR_DESIGN = new SimonDesign(8, 12, 25, 30);
    /** The visit schedule of the shipped IHR protocol (its PlanDefinition), as the server reads it. */
    private static final Schedule IHR_SCHEDULE = shippedSchedule();
    private static final CohortGenerator IHR = new CohortGenerator(IhrExamples.ihrRules(), IHR_DESIGN, IHR_SCHEDULE, 3);

    private static Schedule shippedSchedule() {
        try (InputStream in = CohortGeneratorTest.class.getResourceAsStream("/isotox/studies/ihr/Bundle-ihr-study-definition.json")) {
            return FhirContext.forR4Cached().newJsonParser().parseResource(Bundle.class, in).getEntry().stream()
                    .map(Bundle.BundleEntryComponent::getResource)
                    .filter(PlanDefinition.class::isInstance)
                    .flatMap(plan -> new PlanScheduleReader().read((PlanDefinition) plan).stream())
                    .findFirst()
                    .orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<SyntheticSubject> cohort(long seed) {
        return IHR.generate(new CohortSettings(seed, 30, LocalDate.of(2021, 3, 1), 21, AS_OF));
    }

    @Test
    void theSameSeedGivesTheSameCohortAndAnotherSeedAnotherOne() {
        assertThat(cohort(7)).isEqualTo(cohort(7));
        assertThat(cohort(8)).isNotEqualTo(cohort(7));
    }

    @Test
    void subjectsAreEnrolledInTurnAcrossTheSites() {
        List<SyntheticSubject> subjects = cohort(1);

        assertThat(subjects).extracting(SyntheticSubject::enrolment).startsWith(
                LocalDate.of(2021, 3, 1), LocalDate.of(2021, 3, 22), LocalDate.of(2021, 4, 12));
        assertThat(subjects).extracting(SyntheticSubject::site).startsWith(0, 1, 2, 0, 1, 2);
    }

    /** IHR inclusion: age ≥ 18, stage III, KPS ≥ 60, life expectancy ≥ 3 months, blood values in their ranges. */
    @Test
    void everySubjectMeetsTheIhrInclusionCriteriaOnItsWorkUp() {
        for (long seed = 1; seed <= 5; seed++) {
            for (SyntheticSubject subject : cohort(seed)) {
                SyntheticSubject.Workup workup = subject.workup();
                assertThat(Period.between(workup.birthDate(), subject.enrolment()).getYears()).isBetween(18, 85);
                assertThat(workup.stage()).isIn("IIIA", "IIIB", "IIIC");
                assertThat(workup.karnofsky()).isBetween(60, 100);
                assertThat(workup.lifeExpectancyMonths()).isGreaterThanOrEqualTo(3);
                assertThat(workup.labs()).allSatisfy(lab -> assertThat(lab.value()).isBetween(lab.low(), lab.high()));
                assertThat(workup.date()).isBefore(subject.enrolment()).isAfter(subject.enrolment().minusDays(30));
                assertThat(workup.diagnosis()).isBefore(workup.date());
            }
        }
    }

    /** The protocol prescribes the highest dose, in whole 3 Gy fractions from 45 to 72 Gy, that the plan's DVHs allow. */
    @Test
    void everyPrescriptionIsTheIsotoxicDoseOfItsPlan() {
        IsotoxicPrescriber prescriber = new IsotoxicPrescriber();
        for (SyntheticSubject subject : cohort(3)) {
            SyntheticSubject.Plan plan = subject.plan();
            List<CumulativeDvh> curves = plan.dvhs().entrySet().stream()
                    .map(e -> CumulativeDvh.of(e.getKey(), e.getValue()))
                    .toList();
            IsotoxicPrescription isotoxic = prescriber.prescribe(IhrExamples.ihrRules(), ReferencePlan.of(plan.referenceDoseGy(), curves));

            assertThat(isotoxic.feasible()).isTrue();
            assertThat(plan.fractions()).isEqualTo(isotoxic.fractions());
            assertThat(plan.fractionDoseGy()).isEqualTo(3.0);
            assertThat(plan.totalDoseGy()).isBetween(45.0, 72.0);
            assertThat(subject.fractionDays()).hasSize(plan.fractions());
        }
    }

    /** 23 fractions on weekdays from Monday 12 January 2026: the fifth week ends on Wednesday 11 February. */
    @Test
    void fractionsFallOnWeekdays() {
        List<LocalDate> days = TreatmentCalendar.fractionDays(LocalDate.of(2026, 1, 12), 23, 0, 0);

        assertThat(days).hasSize(23).endsWith(LocalDate.of(2026, 2, 11));
        assertThat(days).noneMatch(d -> d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY);
        assertThat(TreatmentCalendar.fractionDays(LocalDate.of(2026, 1, 12), 23, 11, 3)).endsWith(LocalDate.of(2026, 2, 16));
    }

    /**
     * IHR schedule (IhrScheduleTest): visits at the end of RT, 1 month after, every 3 months to 24 and every 6 to 60;
     * questionnaires at enrolment, week 4 of RT and each visit; imaging every 6 months. A contact may be missed,
     * never moved.
     */
    @Test
    void contactsFallOnTheDaysTheStudysScheduleMakesActivitiesDue() {
        for (SyntheticSubject subject : cohort(9)) {
            LocalDate end = subject.radiotherapyEnd();
            List<LocalDate> protocolVisits = java.util.stream.Stream.of(0, 1, 3, 6, 9, 12, 15, 18, 21, 24, 30, 36, 42, 48, 54, 60)
                    .map(end::plusMonths).toList();
            List<LocalDate> imaging = java.util.stream.Stream.of(6, 12, 18, 24, 30, 36, 42, 48, 54, 60).map(end::plusMonths).toList();

            assertThat(subject.visits().get(0).date()).isEqualTo(subject.enrolment());
            assertThat(subject.visits().get(0).answers()).isPresent();
            assertThat(subject.visits()).anySatisfy(visit -> {
                assertThat(visit.date()).isEqualTo(subject.radiotherapyStart().plusWeeks(4));
                assertThat(visit.answers()).isPresent();
            });
            assertThat(subject.visits()).filteredOn(Visit::encounter).extracting(Visit::date)
                    .isSubsetOf(protocolVisits).startsWith(end);
            assertThat(subject.visits()).filteredOn(Visit::imaging).extracting(Visit::date).isSubsetOf(imaging);
        }
    }

    @Test
    void nothingIsRecordedAfterAsOfOrAfterDeath() {
        for (SyntheticSubject subject : cohort(4)) {
            assertThat(subject.visits()).allSatisfy(visit -> {
                assertThat(visit.date()).isBeforeOrEqualTo(AS_OF);
                subject.death().ifPresent(death -> assertThat(visit.date()).isBefore(death));
            });
            subject.death().ifPresent(death -> assertThat(death).isBeforeOrEqualTo(AS_OF).isAfter(subject.radiotherapyEnd()));
        }
    }

    /**
     * IHR severe toxicity: grade ≥ 3 pneumonitis, grade 4 oesophagitis, grade 3 oesophagitis with ≥ 7 days
     * of interruption. Stopping boundary: 4 of the first 12; acceptable: at most 4 of 30. The generator stays one
     * below: ≤ 2 of 12 and ≤ 3 of 30; a stricter design lowers the caps.
     */
    @Test
    void severeToxicitiesStayInsideTheStoppingBoundaries() {
        int cohortsWithSevere = 0;
        for (long seed = 1; seed <= 40; seed++) {
            List<SyntheticSubject> subjects = cohort(seed);
            long inStageOne = subjects.subList(0, 12).stream().filter(CohortGeneratorTest::severe).count();
            long inStudy = subjects.stream().filter(CohortGeneratorTest::severe).count();
            assertThat(inStageOne).isLessThanOrEqualTo(2);
            assertThat(inStudy).isLessThanOrEqualTo(3);
            cohortsWithSevere += inStudy > 0 ? 1 : 0;
        }
        assertThat(cohortsWithSevere).as("severe toxicities do occur").isGreaterThan(20);
    }

    @Test
    void aStricterDesignLowersTheCaps() {
        CohortGenerator strict = new CohortGenerator(IhrExamples.ihrRules(), new SimonDesign(9, 12, 27, 30), IHR_SCHEDULE, 3);
        for (long seed = 1; seed <= 20; seed++) {
            List<SyntheticSubject> subjects = strict.generate(new CohortSettings(seed, 30, LocalDate.of(2021, 3, 1), 21, AS_OF));
            assertThat(subjects.subList(0, 12).stream().filter(CohortGeneratorTest::severe).count()).isLessThanOrEqualTo(1);
            assertThat(subjects.stream().filter(CohortGeneratorTest::severe).count()).isLessThanOrEqualTo(1);
        }
    }

    /** RECIST 1.1: progression is a sum of diameters ≥ 20 % and ≥ 5 mm over the nadir, or a new lesion. */
    @Test
    void progressionIsRecistProgressiveDisease() {
        int progressions = 0;
        for (SyntheticSubject subject : cohort(5)) {
            double nadir = sum(subject.workup().baselineLesions());
            for (Visit visit : subject.visits()) {
                if (visit.lesions().isEmpty()) {
                    continue;
                }
                double sum = sum(visit.lesions());
                boolean newLesion = visit.lesions().stream().anyMatch(Lesion::newLesion);
                if (newLesion || sum >= 1.2 * nadir && sum - nadir >= 5) {
                    progressions++;
                    break;
                }
                nadir = Math.min(nadir, sum);
            }
        }
        assertThat(progressions).isBetween(5, 30);
    }

    private static boolean severe(SyntheticSubject subject) {
        return subject.visits().stream().flatMap(v -> v.toxicities().stream()).anyMatch(CohortGeneratorTest::severe);
    }

    private static boolean severe(Toxicity toxicity) {
        return toxicity.term().equals(CohortGenerator.PNEUMONITIS) && toxicity.gradeNumber() >= 3
                || toxicity.term().equals(CohortGenerator.ESOPHAGITIS)
                        && (toxicity.gradeNumber() >= 4 || toxicity.gradeNumber() == 3 && toxicity.interruptionDays() >= 7);
    }

    private static double sum(List<Lesion> lesions) {
        return lesions.stream().filter(l -> !l.newLesion()).mapToDouble(Lesion::diameterMm).sum();
    }

    /** QLQ-C30 items 1-28 and LC13 items 31-42 answer 1-4, C30 29-30 answer 1-7, LC13 43 (medicine for pain) 1-2. */
    @Test
    void questionnaireAnswersStayInEachItemsRange() {
        java.util.Map<Integer, Integer> c30 = new java.util.TreeMap<>();
        java.util.Map<Integer, Integer> lc13 = new java.util.TreeMap<>();
        cohort(6).stream().flatMap(s -> s.visits().stream()).flatMap(v -> v.answers().stream()).forEach(answers -> {
            answers.qlqC30().forEach((item, answer) -> c30.merge(item, answer, Math::max));
            answers.qlqLc13().forEach((item, answer) -> lc13.merge(item, answer, Math::max));
        });

        assertThat(c30).hasSize(30);
        assertThat(lc13).hasSize(13);
        assertThat(c30.get(29)).isBetween(5, 7);
        assertThat(c30.get(1)).isBetween(3, 4);
        assertThat(lc13.get(43)).isEqualTo(2);
    }

    @Test
    void subjectNumbersAreTheEnrolmentOrder() {
        assertThat(cohort(2)).extracting(SyntheticSubject::number).containsExactlyElementsOf(IntStream.rangeClosed(1, 30).boxed().toList());
    }
}
