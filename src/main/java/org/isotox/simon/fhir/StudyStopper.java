package org.isotox.simon.fhir;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ResearchStudy.ResearchStudyStatus;
import org.hl7.fhir.r4.model.ResearchStudy;
import org.hl7.fhir.r4.model.StringType;
import org.isotox.simon.domain.SimonDesign;
import org.isotox.simon.domain.StudyProgress;
import org.isotox.study.domain.EnrolledSubject;
import org.isotox.toxicity.domain.ToxicityRecord;
import org.springframework.stereotype.Component;

/** Closes a study to accrual when its stopping boundary is reached, and tells the coordinator. */
@Component
class StudyStopper {

    static final Coding CLOSED_DUE_TO_TOXICITY = new Coding(
            "http://terminology.hl7.org/CodeSystem/research-study-reason-stopped",
            "closed-due-to-toxicity",
            "Closed due to toxicity");

    private final DaoRegistry daoRegistry;

    StudyStopper(DaoRegistry daoRegistry) {
        this.daoRegistry = daoRegistry;
    }

    static boolean isStoppedForToxicity(ResearchStudy study) {
        return study.getStatus() == ResearchStudyStatus.CLOSEDTOACCRUAL
                && study.getReasonStopped().getCoding().stream()
                        .anyMatch(c -> CLOSED_DUE_TO_TOXICITY.getCode().equals(c.getCode()));
    }

    void stop(StudyState state) {
        ResearchStudy study = state.study().copy();
        study.setStatus(ResearchStudyStatus.CLOSEDTOACCRUAL);
        study.setReasonStopped(new CodeableConcept().addCoding(CLOSED_DUE_TO_TOXICITY.copy()));
        daoRegistry.getResourceDao(ResearchStudy.class).update(study, new SystemRequestDetails());
        SimonDesign design = state.protocol().design();
        tellCoordinator(state, "Study closed to accrual for toxicity: "
                + state.status().stageOneSevereToxicities() + " of the first " + design.n1()
                + " subjects had a severe toxicity (" + severeSubjects(state)
                + "); the stage-1 boundary is " + (design.n1() - design.r1()) + ". Enrolment is refused from now on.");
    }

    void reportBoundaryNoLongerReached(StudyState state) {
        tellCoordinator(state, "After a corrected or deleted toxicity record, "
                + state.status().stageOneSevereToxicities() + " of the first " + state.protocol().design().n1()
                + " subjects have a severe toxicity: the stopping boundary is no longer reached. The study stays "
                + "closed to accrual until a coordinator reopens it.");
    }

    void reportLateSevere(StudyState state, EnrolledSubject subject, ToxicityRecord late) {
        tellCoordinator(state, "Severe toxicity after the evaluation window: subject " + subject.sequence() + " ("
                + subject.reference() + ") has " + late.source() + " dated " + late.date() + ", more than "
                + state.protocol().evaluationWindowDays() + " days after radiotherapy ended. It counts in the safety "
                + "endpoint; the Simon decision, which the window fixed, does not change.");
    }

    private void tellCoordinator(StudyState state, String message) {
        Communication alert = new Communication()
                .setStatus(Communication.CommunicationStatus.COMPLETED)
                .setPriority(Communication.CommunicationPriority.URGENT)
                .setSent(new Date())
                .setAbout(List.of(new Reference(state.reference()).setDisplay(state.study().getTitle())));
        alert.addCategory().addCoding(new Coding(
                "http://terminology.hl7.org/CodeSystem/communication-category", "alert", "Alert"));
        alert.getTopic().setText("Simon stopping rule: " + state.status().decision().code());
        alert.addPayload().setContent(new StringType(message));
        daoRegistry.getResourceDao(Communication.class).create(alert, new SystemRequestDetails());
    }

    private static String severeSubjects(StudyState state) {
        StudyProgress progress = state.progress();
        return String.join(", ", progress.analysed(state.courses()).stream()
                .limit(state.protocol().design().n1())
                .filter(course -> progress.severeInWindow(course, LocalDate.MAX).isPresent())
                .map(course -> course.subject().reference() + " (" + progress.severeInWindow(course, LocalDate.MAX).get().source() + ")")
                .toList());
    }
}
