package org.isotox.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.isotox.testsupport.Fhir.bundle;
import static org.isotox.testsupport.Fhir.fhirRequest;

import java.util.List;
import org.hl7.fhir.r4.model.Observation;
import org.isotox.testsupport.FhirServerTest;
import org.isotox.testsupport.IhrStudy;
import org.isotox.testsupport.TrialFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * RECIST entry as a site investigator uses it on a phone: a baseline of two target lesions and a
 * non-target one, then a scan whose rows come from the baseline; the page shows the time-point
 * response and best overall response the server derived.
 */
@FhirServerTest
class RecistPageIT {

    private static final String ISOTOX = "https://isotox.org/fhir/CodeSystem/isotox";
    @RegisterExtension
    static final FormBrowser browser = new FormBrowser();

    @Test
    void aBaselineAndAScanGiveTheResponsesTheServerDerives() throws Exception {
        IhrStudy study = TrialFixtures.newIhrStudy();
        SiteSubjects.Enrolled enrolled = SiteSubjects.enrolAtHmu2(study, "Measured");
        browser.open("/recist/?study=" + study.study().getIdElement().getIdPart(), "dr-hmu2");
        browser.choose("#subject [name=subject]", enrolled.subject());
        browser.awaitIdle();
        assertThat(browser.text("#scan .title")).isEqualTo("Baseline scan");

        browser.date("#scan [name=date]", "2026-01-03");
        lesion(1, "T1", "target", true);
        browser.type(row(1) + " [name=diameter]", "30");
        browser.press("#scan .add-lesion");
        lesion(2, "T2", "target", false);
        browser.type(row(2) + " [name=diameter]", "20");
        browser.press("#scan .add-lesion");
        lesion(3, "N1", "non-target", false);
        browser.choose(row(3) + " [name=status]", "present");
        browser.press("#scan button[type=submit]");
        assertThat(browser.texts("#scan .issue")).isEmpty();
        assertThat(browser.text("#scan .title")).isEqualTo("Follow-up scan (baseline 2026-01-03)");
        assertThat(browser.script("return [...document.querySelectorAll('#scan .lesion [name=id]')].map(i => i.value);"))
                .as("the scan's rows are the baseline's lesions").isEqualTo(List.of("T1", "T2", "N1"));

        // 18 + 12 = 30 mm against 50 at baseline: -40 %, a partial response (RECIST 1.1, section 4.3.1)
        browser.date("#scan [name=date]", "2026-04-10");
        browser.type(row(1) + " [name=diameter]", "18");
        browser.type(row(2) + " [name=diameter]", "12");
        browser.choose(row(3) + " [name=status]", "present");
        browser.press("#scan button[type=submit]");
        browser.screenshot("recist-responses");

        Observation timepoint = derived("recist-timepoint-response", enrolled.patient());
        Observation best = derived("recist-best-overall-response", enrolled.patient());
        assertThat(code(timepoint)).isEqualTo("PR");
        assertThat(browser.attribute("#subject", "data-timepoints")).isEqualTo("2026-04-10:" + code(timepoint));
        assertThat(browser.attribute("#subject .best", "data-response")).isEqualTo(code(best));
        assertThat(browser.text("#subject .responses")).contains("2026-04-10", "PR", "30");
        assertThat(browser.fitsPhoneWidth()).isTrue();
    }

    private static String row(int n) {
        return "#scan .lesion:nth-of-type(" + n + ")";
    }

    private static void lesion(int n, String id, String kind, boolean inField) {
        browser.type(row(n) + " [name=id]", id);
        browser.choose(row(n) + " [name=kind]", kind);
        if (inField) {
            browser.script("document.querySelector(arguments[0]).checked = true;", row(n) + " [name=inField]");
        }
    }

    private static Observation derived(String code, String patient) {
        List<Observation> found = bundle(fhirRequest().header("Cache-Control", "no-cache")
                        .get("/Observation?subject=" + patient + "&code=" + ISOTOX + "|" + code)
                        .then().statusCode(200).extract().response())
                .getEntry().stream().map(e -> (Observation) e.getResource()).toList();
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    private static String code(Observation observation) {
        return observation.getValueCodeableConcept().getCodingFirstRep().getCode();
    }
}
