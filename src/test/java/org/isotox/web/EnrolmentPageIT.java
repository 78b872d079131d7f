package org.isotox.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.isotox.testsupport.Fhir.fhirRequest;
import static org.isotox.testsupport.Fhir.parse;

import java.time.LocalDate;
import java.time.ZoneOffset;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.ResearchStudy;
import org.hl7.fhir.r4.model.ResearchSubject;
import org.isotox.testsupport.FhirServerTest;
import org.isotox.testsupport.IhrStudy;
import org.isotox.testsupport.Tokens;
import org.isotox.testsupport.TrialFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The enrolment page as a site investigator uses it on a phone: a patient of his site found,
 * checked and enrolled with the sequence and Simon stage the server gave; a patient registered
 * on the page with no record is not eligible, each open criterion saying what would settle it,
 * and the enrolment refused next to the patient; a study closed to accrual refuses at its gate.
 */
@FhirServerTest
class EnrolmentPageIT {

    private static final String INVESTIGATOR = "dr-hmu2";
    @RegisterExtension
    static final FormBrowser browser = new FormBrowser();

    @Test
    void anEligiblePatientOfTheSiteIsFoundCheckedAndEnrolled() throws Exception {
        IhrStudy study = TrialFixtures.newIhrStudy();
        String patient = TrialFixtures.eligiblePatientAs(Tokens.INVESTIGATOR_HMU2, "Enrolable");
        browser.open("/enrolment/?study=" + study.study().getIdElement().getIdPart(), INVESTIGATOR);
        assertThat(browser.options("#enrol select[name=site]")).as("an investigator enrols at his own site").hasSize(1);

        browser.type("#find input[name=query]", "Enrolable");
        browser.press("#find button[type=submit]");
        browser.press("#find button[data-patient='" + patient + "']");
        browser.date("#enrol input[name=date]", LocalDate.now(ZoneOffset.UTC).toString());
        browser.press("#enrol button.check");
        assertThat(browser.attribute("#enrol", "data-eligible")).isEqualTo("true");
        assertThat(browser.texts("#enrol li.criterion")).isNotEmpty()
                .allSatisfy(criterion -> assertThat(criterion).startsWith("met:"));

        browser.press("#enrol button[type=submit]");
        browser.screenshot("enrolment-enrolled");
        String subject = browser.attribute("#enrol .gate", "data-subject");
        ResearchSubject stored = parse(fhirRequest().get("/" + subject).then().statusCode(200).extract().response(), ResearchSubject.class);
        assertThat(stored.getIndividual().getReference()).isEqualTo(patient);
        String sequence = integer(stored, "enrolment-sequence");
        String stage = integer(stored, "simon-stage");
        assertThat(sequence).isEqualTo("1");
        assertThat(stage).isEqualTo("1");
        assertThat(browser.text("#enrol .gate")).contains("subject number " + sequence, "Simon stage " + stage);
        assertThat(browser.fitsPhoneWidth()).isTrue();
    }

    @Test
    void aPatientWithoutARecordIsNotEligibleAndTheRefusalStandsNextToHim() throws Exception {
        IhrStudy study = TrialFixtures.newIhrStudy();
        browser.open("/enrolment/?study=" + study.study().getIdElement().getIdPart(), INVESTIGATOR);
        browser.type("#register input[name=family]", "Unrecorded");
        browser.type("#register input[name=given]", "Nobody");
        browser.choose("#register select[name=gender]", "female");
        browser.date("#register input[name=birthDate]", "1960-02-03");
        browser.press("#register button[type=submit]");
        String patient = (String) browser.script("return document.body.dataset.patient;");
        assertThat(patient).startsWith("Patient/");

        browser.press("#enrol button.check");
        assertThat(browser.attribute("#enrol", "data-eligible")).isEqualTo("false");
        assertThat(browser.texts("#enrol li.criterion[data-result=unknown] .settled-by")).as("what would settle each unknown")
                .anySatisfy(line -> assertThat(line).contains("http://loinc.org|89243-0"));

        browser.press("#enrol button[type=submit]");
        browser.screenshot("enrolment-refused");
        assertThat(browser.texts("#enrol [data-expression='ResearchSubject.individual'] .issue")).as("the 422, next to the patient")
                .isNotEmpty().allSatisfy(issue -> assertThat(issue).startsWith(patient + ": "));
        assertThat(fhirRequest().get("/ResearchSubject?individual=" + patient).then().statusCode(200).extract().path("total")
                .toString()).isEqualTo("0");
    }

    @Test
    void aStudyClosedToAccrualRefusesAtItsGate() {
        IhrStudy closed = TrialFixtures.newIhrStudy(s -> s.setStatus(ResearchStudy.ResearchStudyStatus.CLOSEDTOACCRUAL));
        String patient = TrialFixtures.eligiblePatientAs(Tokens.INVESTIGATOR_HMU2, "Toolate");
        browser.open("/enrolment/?study=" + closed.study().getIdElement().getIdPart(), INVESTIGATOR);
        browser.type("#find input[name=query]", "Toolate");
        browser.press("#find button[type=submit]");
        browser.press("#find button[data-patient='" + patient + "']");
        browser.press("#enrol button[type=submit]");
        assertThat(browser.text("#enrol .gate .issue")).contains("not open to accrual", "closed-to-accrual");
    }

    private static String integer(ResearchSubject subject, String extension) {
        Extension found = subject.getExtensionByUrl(IhrStudy.PROFILE_BASE + extension);
        return found.getValue().primitiveValue();
    }
}
