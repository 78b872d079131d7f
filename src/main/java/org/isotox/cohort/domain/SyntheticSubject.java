package org.isotox.cohort.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.isotox.dose.domain.DvhPoint;

/**
 * One generated trial subject, from the work-up that makes the patient eligible to the last
 * follow-up visit before the cohort's {@code asOf} (or death).
 *
 * @param number     1-based, the order of enrolment
 * @param site       0-based index of the study site
 * @param visits     every dated contact after enrolment, in date order: the baseline questionnaires,
 *                   week 4 of radiotherapy, the end of radiotherapy and the follow-up visits
 */
public record SyntheticSubject(
        int number,
        int site,
        Workup workup,
        LocalDate enrolment,
        Plan plan,
        List<LocalDate> fractionDays,
        List<Visit> visits,
        Optional<LocalDate> death) {

    public SyntheticSubject {
        fractionDays = List.copyOf(fractionDays);
        visits = List.copyOf(visits);
    }

    public LocalDate radiotherapyStart() {
        return fractionDays.get(0);
    }

    public LocalDate radiotherapyEnd() {
        return fractionDays.get(fractionDays.size() - 1);
    }

    /** The eligibility evidence, dated {@code date}, and the lesions measured at baseline. */
    public record Workup(
            boolean male,
            LocalDate birthDate,
            LocalDate diagnosis,
            String stage,
            int karnofsky,
            int lifeExpectancyMonths,
            List<Lab> labs,
            LocalDate date,
            List<Lesion> baselineLesions) {

        public Workup {
            labs = List.copyOf(labs);
            baselineLesions = List.copyOf(baselineLesions);
        }
    }

    /** A laboratory value with its reference range, LOINC-coded, UCUM units. */
    public record Lab(String loinc, double value, String unit, double low, double high) {}

    /**
     * The treatment plan: each structure's cumulative DVH at {@code referenceDoseGy} as
     * (dose Gy, volume %) points, and the isotoxic prescription the study's rules give for it.
     */
    public record Plan(
            double referenceDoseGy,
            Map<String, List<DvhPoint>> dvhs,
            int fractions,
            double fractionDoseGy,
            String limitingConstraint,
            LocalDate planned) {

        public double totalDoseGy() {
            return fractions * fractionDoseGy;
        }
    }

    /** A CTCAE grading: NCIt term and grade codes; {@code interruptionDays} of radiotherapy it caused. */
    public record Toxicity(String term, String grade, int gradeNumber, int interruptionDays) {}

    /** A RECIST measurement: a target lesion's longest diameter, or a new lesion ({@code diameterMm} 0). */
    public record Lesion(String id, double diameterMm, boolean inField, boolean newLesion) {}

    /** Item number to answer code of an EORTC response. */
    public record Answers(Map<Integer, Integer> qlqC30, Map<Integer, Integer> qlqLc13) {}

    /**
     * A dated contact. {@code encounter}: a finished follow-up visit; {@code imaging}: a chest CT
     * stored as an ImagingStudy; {@code lesions}: the RECIST measurements read from that day's CT.
     */
    public record Visit(
            String key,
            LocalDate date,
            boolean encounter,
            boolean imaging,
            Optional<Answers> answers,
            List<Lesion> lesions,
            List<Toxicity> toxicities) {

        public Visit {
            lesions = List.copyOf(lesions);
            toxicities = List.copyOf(toxicities);
        }
    }
}
