package org.isotox.simon.fhir;

import java.time.LocalDate;
import org.hl7.fhir.r4.model.ResearchStudy;
import org.isotox.dose.domain.CoursePhase;
import org.isotox.dose.fhir.CourseStops;
import org.isotox.fhir.AfterCommit;
import org.isotox.study.fhir.TrialStudies;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * What the passing of days decides without a write: each night, every active trial study's courses
 * that the study's gap rule now calls stopped are recorded as stopped (so follow-up is scheduled from
 * their last fraction), and the stopping rule is re-applied, since a stop grows into an interruption
 * of 7 days or more without anyone writing a thing.
 */
@Component
public class StoppingSweep {

    private static final Logger log = LoggerFactory.getLogger(StoppingSweep.class);

    private final TrialStudies studies;
    private final StudyStates states;
    private final StoppingRule rule;
    private final CourseStops stops;
    private final AfterCommit afterCommit;

    StoppingSweep(TrialStudies studies, StudyStates states, StoppingRule rule, CourseStops stops, AfterCommit afterCommit) {
        this.studies = studies;
        this.states = states;
        this.rule = rule;
        this.stops = stops;
        this.afterCommit = afterCommit;
    }

    @Scheduled(cron = "${isotox.stopping.sweep-cron:0 10 0 * * *}")
    public void sweep() {
        for (ResearchStudy study : studies.active()) {
            try {
                afterCommit.run(() -> sweep(study));
            } catch (RuntimeException e) {
                log.error("Stopping sweep of ResearchStudy/{} failed", study.getIdElement().getIdPart(), e);
            }
        }
    }

    private void sweep(ResearchStudy study) {
        states.of(study, LocalDate.now()).ifPresent(state -> {
            state.protocol().courseEnd().stoppedAfterDaysWithoutFraction().ifPresent(days -> state.courses().stream()
                    .filter(course -> course.radiotherapy().phase() == CoursePhase.STOPPED_WITHOUT_FRACTIONS)
                    .forEach(course -> stops.recordStopWithoutFractions(course.subject().patient(), days)));
            rule.apply(study);
        });
    }
}
