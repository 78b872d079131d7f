package org.isotox.schedule.fhir;

import static org.isotox.testsupport.Fhir.bundle;
import static org.isotox.testsupport.Fhir.fhirRequest;
import static org.isotox.testsupport.Fhir.parse;

import java.util.Comparator;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.ImagingStudy;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ResearchSubject;
import org.hl7.fhir.r4.model.Task;
import org.isotox.testsupport.Fhir;
import org.isotox.testsupport.IhrStudy;
import org.isotox.testsupport.TrialFixtures;

/** Subjects on the IHR schedule and the records of their visits, written over the API. */
final class ScheduleFixtures {

    static final String ISOTOX = "https://isotox.org/fhir/CodeSystem/isotox";

    private ScheduleFixtures() {}

    /** An eligible patient enrolled at {@code site} (an Organization reference). */
    record Enrolled(String subject, String patient) {

        String subjectId() {
            return subject.substring("ResearchSubject/".length());
        }
    }

    static Enrolled enrol(IhrStudy study, String site, String date) {
        return enrol(study, site, date, TrialFixtures.eligiblePatient());
    }

    /** {@code patient} (an eligible one) enrolled at {@code site}. */
    static Enrolled enrol(IhrStudy study, String site, String date, String patient) {
        ResearchSubject subject = TrialFixtures.subject(study, patient, date);
        subject.getExtensionByUrl(IhrStudy.PROFILE_BASE + "research-subject-site").setValue(new Reference(site));
        return new Enrolled("ResearchSubject/" + Fhir.create(subject), patient);
    }

    /** The Organizations of the study's sites, in the study's order. */
    static List<String> sites(IhrStudy study) {
        return study.study().getSite().stream()
                .map(site -> parse(fhirRequest().get("/" + site.getReference()).then().statusCode(200).extract().response(),
                        Location.class))
                .map(location -> location.getManagingOrganization().getReference())
                .toList();
    }

    static String visit(String patient, String date) {
        return "Encounter/" + Fhir.create(encounter(patient, date));
    }

    static Encounter encounter(String patient, String date) {
        Encounter encounter = new Encounter().setStatus(Encounter.EncounterStatus.FINISHED).setSubject(new Reference(patient));
        encounter.getClass_().setSystem("http://terminology.hl7.org/CodeSystem/v3-ActCode").setCode("AMB");
        encounter.getPeriod().setStartElement(new DateTimeType(date)).setEndElement(new DateTimeType(date));
        return encounter;
    }

    static String questionnaire(String patient, String date) {
        return "QuestionnaireResponse/" + Fhir.create(questionnaireResponse(patient, date));
    }

    static QuestionnaireResponse questionnaireResponse(String patient, String date) {
        return new QuestionnaireResponse()
                .setStatus(QuestionnaireResponse.QuestionnaireResponseStatus.COMPLETED)
                .setQuestionnaire("https://isotox.org/fhir/Questionnaire/eortc-qlq-c30")
                .setSubject(new Reference(patient))
                .setAuthoredElement(new DateTimeType(date));
    }

    static String chestCt(String patient, String date) {
        ImagingStudy ct = new ImagingStudy().setStatus(ImagingStudy.ImagingStudyStatus.AVAILABLE).setSubject(new Reference(patient));
        ct.setStartedElement(new DateTimeType(date));
        return "ImagingStudy/" + Fhir.create(ct);
    }

    static String toxicityAssessment(String patient, String date) {
        return TrialFixtures.recordToxicity(patient, TrialFixtures.PNEUMONITIS, TrialFixtures.GRADE_2, date, 0);
    }

    /** The subject's schedule Tasks, earliest due first. */
    static List<Task> tasks(Enrolled subject) {
        Bundle found = bundle(fhirRequest().header("Cache-Control", "no-cache")
                .get("/Task?focus=" + subject.subject() + "&_count=200").then().statusCode(200).extract().response());
        return found.getEntry().stream()
                .map(e -> (Task) e.getResource())
                .sorted(Comparator.comparing(ScheduleFixtures::scheduled).thenComparing(t -> t.getIdentifierFirstRep().getValue()))
                .toList();
    }

    static Task task(Enrolled subject, String actionAndOccurrence) {
        return tasks(subject).stream()
                .filter(t -> t.getIdentifierFirstRep().getValue().equals(subject.subjectId() + "/" + actionAndOccurrence))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no Task " + actionAndOccurrence));
    }

    static CarePlan carePlan(Enrolled subject) {
        Bundle found = bundle(fhirRequest().header("Cache-Control", "no-cache")
                .get("/CarePlan?identifier=https://isotox.org/fhir/sid/subject-schedule|" + subject.subjectId())
                .then().statusCode(200).extract().response());
        if (found.getEntry().size() != 1) {
            throw new AssertionError(found.getEntry().size() + " CarePlans for " + subject.subject());
        }
        return (CarePlan) found.getEntryFirstRep().getResource();
    }

    static String code(Task task) {
        return task.getCode().getCodingFirstRep().getCode();
    }

    static String scheduled(Task task) {
        return ((DateType) task.getInputFirstRep().getValue()).getValueAsString();
    }

    static String window(Task task) {
        return task.getExecutionPeriod().getStartElement().getValueAsString() + ".."
                + task.getExecutionPeriod().getEndElement().getValueAsString();
    }
}
