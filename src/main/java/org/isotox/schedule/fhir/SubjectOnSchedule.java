package org.isotox.schedule.fhir;

import java.util.Optional;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ResearchSubject;
import org.isotox.fhir.Canonicals;
import org.isotox.study.domain.EnrolledSubject;
import org.isotox.study.fhir.StudyRoster;

/** An enrolled subject as its schedule needs it: ids, patient, enrolment day and site. */
record SubjectOnSchedule(String id, EnrolledSubject enrolment, Optional<String> site) {

    static final String SITE = Canonicals.structureDefinition("research-subject-site");

    /** The subject, if the server enrolled it. */
    static Optional<SubjectOnSchedule> of(ResearchSubject subject) {
        Optional<String> site = Optional.ofNullable(subject.getExtensionByUrl(SITE))
                .filter(e -> e.getValue() instanceof Reference)
                .map(e -> ((Reference) e.getValue()).getReference());
        return StudyRoster.enrolled(subject).map(e -> new SubjectOnSchedule(subject.getIdElement().getIdPart(), e, site));
    }

    String reference() {
        return "ResearchSubject/" + id;
    }

    String patient() {
        return enrolment.patient();
    }
}
