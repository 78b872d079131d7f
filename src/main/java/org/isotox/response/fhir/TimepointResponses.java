package org.isotox.response.fhir;

import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Observation;
import org.isotox.fhir.Canonicals;
import org.isotox.fhir.DerivedObservations;
import org.isotox.response.domain.RecistEvaluation;
import org.isotox.response.domain.RecistEvaluator;
import org.isotox.response.domain.TimepointResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Derives a patient's RECIST time-point responses and his best overall response from his lesion
 * measurements and stores them: one Observation per follow-up date, derived from every
 * measurement of that date, and one best overall response derived from the time-point responses,
 * its stable disease timed from his study entry. While the measurements cannot be evaluated (a
 * partly entered baseline, a lesion measured twice on a date, a non-measurable target), no
 * response is stored for the patient: a wrong one would be worse than none, and they come back
 * with the write that makes the record evaluable.
 */
@Component
class TimepointResponses {

    private static final Logger LOG = LoggerFactory.getLogger(TimepointResponses.class);

    /** The derived Observations of one patient: the best response is there once there is a time point. */
    private record Derived(List<Observation> timepoints, List<Observation> best) {
        static final Derived NONE = new Derived(List.of(), List.of());
    }

    private final LesionMeasurements measurements;
    private final StudyEntries entries;
    private final DerivedObservations derived;
    private final RecistSettings settings;
    private final RecistEvaluator evaluator = new RecistEvaluator();

    TimepointResponses(
            LesionMeasurements measurements, StudyEntries entries, DerivedObservations derived, RecistSettings settings) {
        this.measurements = measurements;
        this.entries = entries;
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
        Derived responses = responses(patient, current);
        // The best response refers to the time-point responses: they are written before it and removed after it.
        List<Observation> storedTimepoints = derived.stored(ofPatient(patient, TimepointResponseObservation.CODE));
        derived.write(responses.timepoints(), storedTimepoints);
        derived.replace(ofPatient(patient, BestOverallResponseObservation.CODE), responses.best());
        derived.removeAllBut(storedTimepoints, responses.timepoints());
    }

    private Derived responses(String patient, List<LesionMeasurement> current) {
        Optional<StudyEntries.Entry> entry = entries.of(patient);
        Optional<MeasuredCourse> course = MeasuredCourse.of(current, entry.map(StudyEntries.Entry::enrolment));
        if (course.isEmpty()) {
            return Derived.NONE;
        }
        if (!course.get().problems().isEmpty()) {
            LOG.info("RECIST responses of {} withheld: {}", patient, course.get().problems());
            return Derived.NONE;
        }
        RecistEvaluation evaluation = evaluator.evaluate(course.get().baseline(), course.get().assessments(),
                settings.bestResponseRules(), entry.flatMap(StudyEntries.Entry::studyEntry));
        if (evaluation instanceof RecistEvaluation.Invalid invalid) {
            LOG.info("RECIST responses of {} withheld: {}", patient, invalid.problems());
            return Derived.NONE;
        }
        RecistEvaluation.Evaluated evaluated = (RecistEvaluation.Evaluated) evaluation;
        List<Observation> timepoints = new ArrayList<>();
        for (int i = 0; i < evaluated.timepoints().size(); i++) {
            TimepointResponse timepoint = evaluated.timepoints().get(i);
            timepoints.add(TimepointResponseObservation.of(patient, timepoint,
                    course.get().assessments().get(i).newLesion(), course.get().sources().get(timepoint.date())));
        }
        if (timepoints.isEmpty()) {
            return Derived.NONE;
        }
        List<String> sources = timepoints.stream().map(t -> "Observation/" + t.getIdElement().getIdPart()).toList();
        return new Derived(timepoints,
                List.of(BestOverallResponseObservation.of(patient, evaluated.bestOverallResponse(), sources)));
    }

    private static SearchParameterMap ofPatient(String patient, String code) {
        return SearchParameterMap.newSynchronous()
                .add(Observation.SP_SUBJECT, new ReferenceParam(patient))
                .add(Observation.SP_CODE, new TokenParam(Canonicals.ISOTOX_CODES, code));
    }
}
