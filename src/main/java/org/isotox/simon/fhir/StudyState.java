package org.isotox.simon.fhir;

import java.time.LocalDate;
import java.util.List;
import org.hl7.fhir.r4.model.ResearchStudy;
import org.isotox.simon.domain.StoppingStatus;
import org.isotox.simon.domain.StudyProgress;
import org.isotox.simon.domain.StudyProtocol;
import org.isotox.simon.domain.SubjectCourse;

/** A trial study as it stood on {@code asOf}: its rules, its subjects' courses and its Simon status. */
public record StudyState(
        ResearchStudy study, StudyProtocol protocol, List<SubjectCourse> courses, StoppingStatus status, LocalDate asOf) {

    public StudyProgress progress() {
        return new StudyProgress(protocol);
    }

    public String reference() {
        return "ResearchStudy/" + study.getIdElement().getIdPart();
    }
}
