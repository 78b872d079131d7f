package org.isotox.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.isotox.testsupport.Fhir.fhirRequest;
import static org.isotox.testsupport.Fhir.parse;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.isotox.security.fhir.MintedTokens;
import org.isotox.testsupport.FhirServerTest;
import org.isotox.testsupport.IhrStudy;
import org.isotox.testsupport.Prescriptions;
import org.isotox.testsupport.TrialFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Physics sign-off on a phone: a planning system's DVH export (cGy, one structure in cm³, names that
 * are not TG-263's) read and mapped (a column without its unit refused in place), the isotoxic dose the operation gives shown with each constraint,
 * the DVHs stored and the prescription created; approvals by the practitioners the tokens name
 * ({@code fhirUser}): refused activation with one approval and with both by the same practitioner, each
 * time next to the prescription; active once a second practitioner approved.
 * The tokens are minted with {@code fhirUser} claims, as an issuer that knows its users' Practitioner
 * records gives them.
 */
@FhirServerTest
class PhysicsPageIT {

    // DashboardCohort.esophagusBinds() as a planning system exports it: 60 Gy plan in cGy, the
    // oesophagus in cm³ (40 cm³ whole), structure names as the planner typed them, and a body contour
    private static final String EXPORT = String.join("\n",
            "Cord,,Lung_Total-GTV,,Oesophagus,,External,",
            "Dose [cGy],Volume [%],Dose [cGy],Volume [%],Dose [cGy],Volume [cm3],Dose [cGy],Volume [%]",
            "0,100,0,100,0,40,0,100",
            "2000,0,500,50,4000,8,6000,0",
            ",,1000,38,6600,0,,",
            ",,1500,34,,,,",
            ",,2000,25,,,,",
            ",,4000,8,,,,",
            ",,6000,0,,,,");
    @RegisterExtension
    static final FormBrowser browser = new FormBrowser();

    @Test
    void dvhsUploadedTheIsotoxicDoseShownAndThePrescriptionApprovedByTwoPractitioners() throws Exception {
        IhrStudy study = TrialFixtures.newIhrStudy();
        String studyId = study.study().getIdElement().getIdPart();
        SiteSubjects.Enrolled enrolled = SiteSubjects.enrolAtHmu2(study, "Planned");
        String physicist = Prescriptions.practitioner("Physicist");
        String oncologist = Prescriptions.practitioner("Oncologist");

        browser.openWithToken("/physics/", studyId, tokenOf(physicist));
        browser.choose("#plan [name=subject]", enrolled.subject());
        browser.awaitIdle();
        browser.type("#plan [name=referenceDose]", "60");
        browser.script("document.querySelector('#plan [name=csv]').value = arguments[0];", EXPORT.replace("Volume [cm3]", "Volume"));
        browser.press("#plan .read");
        assertThat(browser.text("#plan .issues .issue")).as("a column without its unit is not guessed").isEqualTo("\"Volume\" names no volume unit (% or cm3)");
        browser.script("document.querySelector('#plan [name=csv]').value = arguments[0];", EXPORT);
        browser.press("#plan .read");
        assertThat(browser.texts("#plan .issue")).isEmpty();
        assertThat(browser.script("return [...document.querySelectorAll('#plan [name=tg263]')].map(s => s.value);"))
                .as("the planner's names mapped to TG-263; the body contour is not used")
                .isEqualTo(List.of("SpinalCord", "Lungs-GTV", "Esophagus", ""));
        browser.press("#plan button[type=submit]");

        Parameters expected = parse(fhirRequest(DashboardCohort.esophagusBinds().asParameters()
                        .addParameter("study", new Reference(study.studyReference())))
                .post("/$isotoxic-prescription").then().statusCode(200).extract().response(), Parameters.class);
        BigDecimal total = ((Quantity) expected.getParameter("totalDose").getValue()).getValue();
        assertThat(new BigDecimal(browser.attribute("#result .dose", "data-total-dose"))).isEqualByComparingTo(total);
        assertThat(browser.text("#result .dose")).contains("Esophagus");
        assertThat(browser.text("#result .constraints")).contains("Esophagus Dmax", "Lungs-GTV V20");

        browser.press("#prescription .create");
        String prescription = browser.attribute("#prescription", "data-prescription");
        assertThat(browser.attribute("#prescription", "data-status")).isEqualTo("draft");
        browser.choose("#prescription [name=role]", "physicist-approval");
        browser.press("#prescription .approve");
        browser.press("#prescription .activate");
        assertThat(browser.text("#prescription [data-expression=ServiceRequest] .issue")).contains("radiation-oncologist-approval");
        browser.choose("#prescription [name=role]", "radiation-oncologist-approval");
        browser.press("#prescription .approve");
        browser.press("#prescription .activate");
        browser.screenshot("physics-same-practitioner-refused");
        assertThat(browser.text("#prescription [data-expression=ServiceRequest] .issue")).contains("two different practitioners");

        browser.openWithToken("/physics/", studyId, tokenOf(oncologist));
        browser.choose("#plan [name=subject]", enrolled.subject());
        browser.awaitIdle();
        assertThat(browser.attribute("#prescription", "data-prescription")).as("the draft waits for the second approver")
                .isEqualTo(prescription);
        browser.choose("#prescription [name=role]", "radiation-oncologist-approval");
        browser.press("#prescription .approve");
        browser.press("#prescription .activate");
        browser.screenshot("physics-approved");
        assertThat(browser.texts("#prescription .issue")).isEmpty();
        ServiceRequest stored = parse(fhirRequest().get("/" + prescription).then().statusCode(200).extract().response(), ServiceRequest.class);
        assertThat(stored.getStatus()).isEqualTo(ServiceRequest.ServiceRequestStatus.ACTIVE);
        assertThat(browser.fitsPhoneWidth()).isTrue();
    }

    private static String tokenOf(String practitioner) {
        return MintedTokens.token().claims(Map.of("isotox_role", "investigator", "isotox_site", "ihr-hmu2",
                "scope", "openid fhirUser user/*.cruds", "fhirUser", practitioner)).sign();
    }
}
