package org.isotox.response.fhir;

import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Observation;
import org.isotox.fhir.Canonicals;
import org.isotox.fhir.DerivedObservations;
import org.isotox.response.domain.RecistEvaluation;
import org.isotox.response.domain.RecistEvaluator;
import org.isotox.response.domain.TimepointResponse;
import org.isotox.study.domain.EnrolledSubject;
import org.isotox.study.fhir.StudyRoster;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Derives a patient's RECIST time-point responses from his lesion measurements and stores them:
 * one Observation per follow-up date, derived from every measurement of that date. While the
 * measurements cannot be evaluated (a partly entered baseline, a lesion measured twice on a date,
 * a non-measurable target), no response is stored for the patient: a wrong one would be worse
 * than none, and they come back with the write that makes the record evaluable.
 */
@Component
class TimepointResponses {

    private static final Logger LOG = LoggerFactory.getLogger(TimepointResponses.class);

    private final LesionMeasurements measurements;
    private final StudyRoster roster;
    private final DerivedObservations derived;
    private final RecistSettings settings;
    private final RecistEvaluator evaluator = new RecistEvaluator();

    TimepointResponses(
            LesionMeasurements measurements, StudyRoster roster, DerivedObservations derived, RecistSettings settings) {
        this.measurements = measurements;
        this.roster = roster;
        this.derived = derived;
        this.settings = settings;
    }

    /**
     * Recomputes the patient's responses. {@code changed} (an {@code Observation/id}) is being
     * written in this transaction and the database may not show it yet: its stored version is
     * replaced by {@code now}, empty when it is deleted.
     */
    void recompute(String patient, String changed, Optional<Observation> now) {
        List<LesionMeasurement> current = new ArrayList<>();
        for (Observation stored : measurements.stored(patient)) {
            if (!changed.equals("Observation/" + stored.getIdElement().getIdPart())) {
                LesionMeasurements.of(stored).ifPresent(current::add);
            }
        }
        now.filter(o -> LesionMeasurements.patientOf(o).filter(patient::equals).isPresent())
                .flatMap(LesionMeasurements::of)
                .ifPresent(current::add);
        derived.replace(ofPatient(patient), responses(patient, current));
    }

    private List<Observation> responses(String patient, List<LesionMeasurement> current) {
        Optional<LocalDate> enrolment =
                roster.enrolmentsOf(patient).stream().map(EnrolledSubject::enrolled).min(LocalDate::compareTo);
        Optional<MeasuredCourse> course = MeasuredCourse.of(current, enrolment);
        if (course.isEmpty()) {
            return List.of();
        }
        if (!course.get().problems().isEmpty()) {
            LOG.info("RECIST responses of {} withheld: {}", patient, course.get().problems());
            return List.of();
        }
        RecistEvaluation evaluation =
                evaluator.evaluate(course.get().baseline(), course.get().assessments(), settings.bestResponseRules());
        if (evaluation instanceof RecistEvaluation.Invalid invalid) {
            LOG.info("RECIST responses of {} withheld: {}", patient, invalid.problems());
            return List.of();
        }
        List<Observation> responses = new ArrayList<>();
        List<TimepointResponse> timepoints = ((RecistEvaluation.Evaluated) evaluation).timepoints();
        for (int i = 0; i < timepoints.size(); i++) {
            TimepointResponse timepoint = timepoints.get(i);
            responses.add(TimepointResponseObservation.of(patient, timepoint,
                    course.get().assessments().get(i).newLesion(), course.get().sources().get(timepoint.date())));
        }
        return responses;
    }

    private static SearchParameterMap ofPatient(String patient) {
        return SearchParameterMap.newSynchronous()
                .add(Observation.SP_SUBJECT, new ReferenceParam(patient))
                .add(Observation.SP_CODE, new TokenParam(Canonicals.ISOTOX_CODES, TimepointResponseObservation.CODE));
    }
}
