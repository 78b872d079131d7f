package org.isotox.schedule.fhir;

import java.util.Optional;
import org.hl7.fhir.r4.model.PlanDefinition;
import org.hl7.fhir.r4.model.ResearchStudy;
import org.isotox.schedule.domain.Schedule;
import org.isotox.study.fhir.TrialStudies;
import org.springframework.stereotype.Component;

/** The visit schedule of a study: from the first of its protocol PlanDefinitions that schedules anything. */
@Component
class StudySchedules {

    private final TrialStudies studies;
    private final PlanScheduleReader reader;

    StudySchedules(TrialStudies studies, PlanScheduleReader reader) {
        this.studies = studies;
        this.reader = reader;
    }

    Optional<StudyPlan> of(String studyReference) {
        return studies.read(studyReference).flatMap(this::of);
    }

    Optional<StudyPlan> of(ResearchStudy study) {
        for (PlanDefinition plan : studies.protocols(study)) {
            Optional<Schedule> schedule = reader.read(plan);
            if (schedule.isPresent()) {
                return Optional.of(new StudyPlan(plan, schedule.get()));
            }
        }
        return Optional.empty();
    }

    /** A schedule and the PlanDefinition it was read from. */
    record StudyPlan(PlanDefinition plan, Schedule schedule) {

        /** The plan's canonical URL with its version, as a CarePlan instantiating it names it. */
        String canonical() {
            return plan.hasVersion() ? plan.getUrl() + "|" + plan.getVersion() : plan.getUrl();
        }
    }
}
