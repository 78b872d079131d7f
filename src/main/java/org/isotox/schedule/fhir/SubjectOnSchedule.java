package org.isotox.schedule.fhir;

import java.util.Optional;
import org.hl7.fhir.r4.model.ResearchSubject;
import org.isotox.study.domain.EnrolledSubject;
import org.isotox.study.fhir.StudyRoster;

/** An enrolled subject as its schedule needs it: ids, patient, enrolment day and site. */
record SubjectOnSchedule(String id, EnrolledSubject enrolment, Optional<String> site) {

    /** The subject, if the server enrolled it. */
    static Optional<SubjectOnSchedule> of(ResearchSubject subject) {
        return StudyRoster.enrolled(subject)
                .map(e -> new SubjectOnSchedule(subject.getIdElement().getIdPart(), e, StudyRoster.siteOf(subject)));
    }

    String reference() {
        return "ResearchSubject/" + id;
    }

    String patient() {
        return enrolment.patient();
    }
}
