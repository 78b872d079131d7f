package org.isotox.eligibility.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.isotox.testsupport.Fhir.bundle;
import static org.isotox.testsupport.Fhir.fhirRequest;
import static org.isotox.testsupport.Fhir.fhirRequestAs;
import static org.isotox.testsupport.Fhir.outcome;
import static org.isotox.testsupport.Fhir.parse;

import io.restassured.response.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Parameters.ParametersParameterComponent;
import org.hl7.fhir.r4.model.ResearchSubject;
import org.hl7.fhir.r4.model.Reference;
import org.isotox.testsupport.FhirServerTest;
import org.isotox.testsupport.IhrStudy;
import org.isotox.testsupport.Synthea;
import org.isotox.testsupport.Tokens;
import org.isotox.testsupport.TrialFixtures;
import org.junit.jupiter.api.Test;

/**
 * The IHR criteria on a record we did not write: Austin Franecki, a Synthea patient (public sample data, unchanged,
 * {@code src/test/resources/synthea}) with non-small cell lung cancer of TNM stage 1, treated by chemoradiation from
 * 1985 and recorded as deceased on 25 July 1989, pushed by a site's EHR as Synthea wrote it.
 */
@FhirServerTest
class SyntheaEligibilityIT {

    private static final String AUSTIN = "Austin_Franecki_f23eef30-acb2-49da-8091-159b61dc1ed5.json";

    @Test
    void aSyntheaLungCancerPatientRecordedAsDeceasedIsNotEligibleAndIsNotEnrolled() {
        IhrStudy ihr = TrialFixtures.newIhrStudy();
        Response pushed = fhirRequestAs(Tokens.EHR_HMU2).body(Synthea.json(AUSTIN)).post("/");
        pushed.then().statusCode(200);
        String patient = bundle(pushed).getEntry().stream()
                .map(e -> e.getResponse().getLocation().replaceAll("/_history/.*", ""))
                .filter(location -> location.startsWith("Patient/"))
                .findFirst().orElseThrow();

        Parameters report = parse(fhirRequest().queryParam("patient", patient)
                .get("/" + ihr.studyReference() + "/$check-eligibility").then().statusCode(200).extract().response(), Parameters.class);

        assertThat(report.getParameterValue("eligible").primitiveValue()).isEqualTo("false");
        Map<String, ParametersParameterComponent> criteria = criteria(report);
        assertThat(criteria.keySet()).first().isEqualTo("alive");
        assertThat(part(criteria.get("alive"), "result")).isEqualTo("not-met");
        assertThat(part(criteria.get("alive"), "reason")).isEqualTo(patient + " is recorded as deceased on 1989-07-25");

        ResearchSubject subject = TrialFixtures.subject(ihr, patient, "2026-01-05");
        subject.getExtensionByUrl(IhrStudy.PROFILE_BASE + "research-subject-site")
                .setValue(new Reference(TrialFixtures.siteOrganization("ihr-hmu2")));
        Response refused = fhirRequest(subject).post("/ResearchSubject");
        assertThat(refused.statusCode()).as(refused.asString()).isEqualTo(422);
        assertThat(outcome(refused).getIssue()).anySatisfy(issue -> assertThat(issue.getDiagnostics()).contains("deceased on 1989-07-25"));
    }

    private static Map<String, ParametersParameterComponent> criteria(Parameters report) {
        Map<String, ParametersParameterComponent> byCode = new LinkedHashMap<>();
        report.getParameter().stream().filter(p -> p.getName().equals("criterion")).forEach(c -> byCode.put(part(c, "code"), c));
        return byCode;
    }

    private static String part(ParametersParameterComponent parameter, String name) {
        return parameter.getPart().stream().filter(p -> p.getName().equals(name)).findFirst()
                .map(p -> p.getValue().primitiveValue()).orElse(null);
    }
}
