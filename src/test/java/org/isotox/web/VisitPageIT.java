package org.isotox.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.isotox.testsupport.Fhir.bundle;
import static org.isotox.testsupport.Fhir.count;
import static org.isotox.testsupport.Fhir.fhirRequest;
import static org.isotox.testsupport.Fhir.parse;
import static org.isotox.testsupport.TrialFixtures.NCIT;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import org.isotox.testsupport.FhirServerTest;
import org.isotox.testsupport.IhrStudy;
import org.isotox.testsupport.TrialFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The visit form as a site investigator uses it on a phone: a subject's overdue visit recorded late,
 * with CTCAE gradings whose grade lists are the terminology's, a grade the term does not have refused
 * next to its field (nothing else of the visit sent after it), then the corrected visit stored, its
 * Task fulfilled and gone from the overdue list; a break of radiotherapy given its cause and the
 * course stopped with its reason.
 */
@FhirServerTest
class VisitPageIT {

    private static final String COUGH = "C58028";
    private static final String ALOPECIA = "C57898";
    private static final String ESOPHAGITIS = "C57797";
    private static final String GRADE_0 = "C75533";
    private static final String GRADE_1 = "C41338";
    private static final String GRADE_2 = "C41339";
    private static final String GRADE_3 = "C41340";
    @RegisterExtension
    static final FormBrowser browser = new FormBrowser();

    @Test
    void aVisitIsGradedAGradeTheTermLacksIsRefusedInPlaceAndTheVisitFulfilsItsTask() throws Exception {
        IhrStudy study = TrialFixtures.newIhrStudy();
        SiteSubjects.Enrolled enrolled = SiteSubjects.enrolAtHmu2(study, "Visited");
        String patient = enrolled.patient();
        String subject = enrolled.subject();
        TrialFixtures.completeCourse(patient, "2026-01-12", "2026-02-18", 23);
        Task firstVisit = firstFollowUpVisit(subject);
        String task = "Task/" + firstVisit.getIdElement().getIdPart();

        browser.open("/visit/?study=" + study.study().getIdElement().getIdPart(), "dr-hmu2");
        browser.choose("#subject [name=subject]", subject);
        browser.awaitIdle();
        assertThat(browser.script("return [...document.querySelectorAll('#subject .overdue li')].map(li => li.dataset.task);"))
                .asList().contains(task);
        browser.choose("#subject [name=task]", task);
        String planned = ((DateType) firstVisit.getInputFirstRep().getValue()).getValueAsString();
        assertThat(browser.script("return document.querySelector('#visit [name=date]').value;"))
                .as("an overdue visit is recorded on the day it was planned for, unless the user says otherwise")
                .isEqualTo(planned);

        browser.choose("#visit .grading:nth-of-type(1) [name=term]", COUGH);
        assertThat(browser.options("#visit .grading:nth-of-type(1) [name=grade]")).containsExactly(GRADE_0, GRADE_1, GRADE_2, GRADE_3);
        browser.choose("#visit .grading:nth-of-type(1) [name=grade]", GRADE_2);
        browser.press("#visit .add-grading");
        browser.choose("#visit .grading:nth-of-type(2) [name=term]", ALOPECIA);
        assertThat(browser.options("#visit .grading:nth-of-type(2) [name=grade]")).as("alopecia has grades 1 and 2 only")
                .containsExactly(GRADE_0, GRADE_1, GRADE_2);
        // a stale or tampered page: the server is the judge
        browser.script("document.querySelector('#visit .grading:nth-of-type(2) [name=grade]').add(new Option('3: Severe', arguments[0]));", GRADE_3);
        browser.choose("#visit .grading:nth-of-type(2) [name=grade]", GRADE_3);
        browser.choose("#visit [name=karnofsky]", "80");
        browser.press("#visit button[type=submit]");
        browser.screenshot("visit-refused");

        assertThat(browser.text("#visit .grading:nth-of-type(2) [data-expression='Observation.value'] .issue"))
                .contains("Alopecia", "grades 1 to 2");
        assertThat(count("Observation", "subject=" + patient + "&code=" + NCIT + "|" + COUGH)).isEqualTo(1);
        assertThat(count("Observation", "subject=" + patient + "&code=" + NCIT + "|" + ALOPECIA)).isZero();
        assertThat(count("Encounter", "subject=" + patient)).as("the visit waits for its gradings").isZero();

        browser.choose("#visit .grading:nth-of-type(2) [name=grade]", GRADE_1);
        browser.press("#visit button[type=submit]");
        browser.screenshot("visit-recorded");
        assertThat(browser.texts("#visit .issue")).isEmpty();
        assertThat(count("Observation", "subject=" + patient + "&code=" + NCIT + "|" + COUGH)).as("not sent twice").isEqualTo(1);
        assertThat(count("Observation", "subject=" + patient + "&code=" + NCIT + "|" + ALOPECIA + "&value-concept=" + NCIT + "|" + GRADE_1))
                .isEqualTo(1);
        assertThat(bundle(fhirRequest().get("/Observation?subject=" + patient + "&code=http://loinc.org|89243-0&date=" + planned)
                        .then().statusCode(200).extract().response()).getEntry())
                .extracting(e -> ((Observation) e.getResource()).getValueIntegerType().getValue()).containsExactly(80);
        Task fulfilled = parse(fhirRequest().get("/" + task).then().statusCode(200).extract().response(), Task.class);
        assertThat(fulfilled.getStatus()).isEqualTo(Task.TaskStatus.COMPLETED);
        assertThat(((Reference) fulfilled.getOutputFirstRep().getValue()).getReference())
                .isEqualTo(browser.attribute("#visit", "data-visit"));
        assertThat(browser.script("return [...document.querySelectorAll('#subject .overdue li')].map(li => li.dataset.task);"))
                .asList().doesNotContain(task);
        assertThat(browser.fitsPhoneWidth()).isTrue();
    }

    @Test
    void aBreakIsGivenItsCauseAndTheCourseIsStoppedWithItsReason() throws Exception {
        IhrStudy study = TrialFixtures.newIhrStudy();
        SiteSubjects.Enrolled enrolled = SiteSubjects.enrolAtHmu2(study, "Interrupted");
        // a week of fractions, ten days without, then another week: one break, the course still in progress
        TrialFixtures.deliverFractions(enrolled.patient(), days("2026-01-12", "2026-01-13", "2026-01-14", "2026-01-15", "2026-01-16",
                "2026-01-26", "2026-01-27"));

        browser.open("/visit/?study=" + study.study().getIdElement().getIdPart(), "dr-hmu2");
        browser.choose("#subject [name=subject]", enrolled.subject());
        browser.awaitIdle();
        assertThat(browser.text("#visit .course-state")).contains("in-progress");
        browser.choose("#visit [name=breakReason]", ESOPHAGITIS);
        browser.script("document.querySelector('#visit [name=stop]').checked = true;");
        browser.choose("#visit [name=stopReason]", ESOPHAGITIS);
        browser.date("#visit [name=date]", "2026-01-28");
        browser.press("#visit button[type=submit]");
        browser.screenshot("visit-course-stopped");

        assertThat(browser.texts("#visit .issue")).isEmpty();
        Procedure course = bundle(fhirRequest().header("Cache-Control", "no-cache")
                        .get("/Procedure?subject=" + enrolled.patient() + "&code=http://snomed.info/sct|1217123003")
                        .then().statusCode(200).extract().response())
                .getEntry().stream().map(e -> (Procedure) e.getResource()).findFirst().orElseThrow();
        assertThat(course.getStatus()).isEqualTo(Procedure.ProcedureStatus.STOPPED);
        assertThat(course.getStatusReason().getCodingFirstRep().getCode()).isEqualTo(ESOPHAGITIS);
        assertThat(course.getExtensionsByUrl(IhrStudy.PROFILE_BASE + "treatment-interruption")).singleElement()
                .satisfies(interruption -> assertThat(((CodeableConcept) interruption.getExtensionByUrl("reason").getValue())
                        .getCodingFirstRep().getCode()).isEqualTo(ESOPHAGITIS));
        assertThat(browser.text("#visit .course-state")).contains("stopped");
    }

    private static LocalDate[] days(String... days) {
        return Arrays.stream(days).map(LocalDate::parse).toArray(LocalDate[]::new);
    }

    private static Task firstFollowUpVisit(String subject) {
        return bundle(fhirRequest().get("/Task?focus=" + subject + "&code=https://isotox.org/fhir/CodeSystem/isotox|follow-up-visit&_count=200")
                        .then().statusCode(200).extract().response())
                .getEntry().stream()
                .map(e -> (Task) e.getResource())
                .min(Comparator.comparing(t -> ((DateType) t.getInputFirstRep().getValue()).getValue()))
                .orElseThrow();
    }
}
