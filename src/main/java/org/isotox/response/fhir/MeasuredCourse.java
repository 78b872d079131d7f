package org.isotox.response.fhir;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.isotox.response.domain.Assessment;
import org.isotox.response.domain.Baseline;
import org.isotox.response.domain.BaselineLesion;
import org.isotox.response.domain.NonTargetLesion;
import org.isotox.response.domain.NonTargetStatus;
import org.isotox.response.domain.TargetLesion;

/**
 * A patient's lesion measurements arranged as RECIST 1.1 assessments: the baseline and the
 * follow-up assessments after it, one per date, with the measurements each was made of.
 *
 * <p>The baseline is what a radiologist takes as the pre-treatment scan: the last assessment dated
 * on or before the subject's enrolment (time zero of the trial's endpoints), so that an older
 * screening scan is left out; without an assessment by then (or without an enrolment), the
 * patient's first assessment. Measurements dated before the baseline are not used.
 *
 * @param sources  the measurements (references) of each follow-up date
 * @param problems why the measurements cannot be arranged (a lesion measured twice on one date);
 *                 empty when they can
 */
record MeasuredCourse(Baseline baseline, List<Assessment> assessments, Map<LocalDate, List<String>> sources,
        List<String> problems) {

    /** The course of these measurements; empty without measurements. */
    static Optional<MeasuredCourse> of(List<LesionMeasurement> measurements, Optional<LocalDate> enrolment) {
        TreeMap<LocalDate, List<LesionMeasurement>> byDate = new TreeMap<>();
        measurements.forEach(m -> byDate.computeIfAbsent(m.date(), d -> new ArrayList<>()).add(m));
        if (byDate.isEmpty()) {
            return Optional.empty();
        }
        LocalDate baselineDate = enrolment.map(byDate::floorKey).orElse(null);
        if (baselineDate == null) {
            baselineDate = byDate.firstKey();
        }
        List<BaselineLesion> lesions = new ArrayList<>();
        for (LesionMeasurement m : byDate.get(baselineDate)) {
            if (m.newLesion()) {
                continue;
            }
            lesions.add(m.target()
                    ? new TargetLesion(m.lesionId(), m.node(), m.diameterMm().orElseThrow(), Optional.empty(), m.inField())
                    : new NonTargetLesion(m.lesionId(), m.node(), m.inField()));
        }
        List<String> problems = new ArrayList<>();
        List<Assessment> assessments = new ArrayList<>();
        Map<LocalDate, List<String>> sources = new HashMap<>();
        for (Map.Entry<LocalDate, List<LesionMeasurement>> date : byDate.tailMap(baselineDate, false).entrySet()) {
            assessments.add(assessment(date.getKey(), date.getValue(), problems));
            sources.put(date.getKey(), date.getValue().stream().map(LesionMeasurement::source).sorted().toList());
        }
        return Optional.of(new MeasuredCourse(
                new Baseline(baselineDate, lesions), assessments, sources, List.copyOf(problems)));
    }

    private static Assessment assessment(LocalDate date, List<LesionMeasurement> measurements, List<String> problems) {
        Map<String, java.math.BigDecimal> diameters = new HashMap<>();
        Map<String, NonTargetStatus> statuses = new HashMap<>();
        TreeSet<String> seen = new TreeSet<>();
        boolean newLesion = false;
        for (LesionMeasurement m : measurements) {
            if (m.newLesion()) {
                newLesion |= m.isNewLesionFound();
                continue;
            }
            if (!seen.add(m.lesionId())) {
                problems.add("lesion " + m.lesionId() + " is measured more than once on " + date);
            }
            m.diameterMm().ifPresent(d -> diameters.put(m.lesionId(), d));
            m.status().ifPresent(s -> statuses.put(m.lesionId(), s));
        }
        return new Assessment(date, diameters, statuses, newLesion);
    }
}
