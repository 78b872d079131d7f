package org.isotox.eligibility.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.isotox.testsupport.Fhir.fhirRequest;
import static org.isotox.testsupport.Fhir.fhirRequestAs;
import static org.isotox.testsupport.Fhir.outcome;
import static org.isotox.testsupport.Fhir.parse;

import io.restassured.response.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Parameters.ParametersParameterComponent;
import org.hl7.fhir.r4.model.ResearchSubject;
import org.hl7.fhir.r4.model.Reference;
import org.isotox.testsupport.Fhir;
import org.isotox.testsupport.FhirServerTest;
import org.isotox.testsupport.IhrStudy;
import org.isotox.testsupport.Synthea;
import org.isotox.testsupport.Tokens;
import org.isotox.testsupport.TrialFixtures;
import org.isotox.testsupport.TrialFixtures.WorkUpFact;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The IHR criteria on a record we did not write: Austin Franecki, a Synthea patient (public sample data, unchanged,
 * {@code src/test/resources/synthea}) with non-small cell lung cancer of TNM stage 1, treated by chemoradiation from
 * 1985 and recorded as deceased on 25 July 1989, pushed by a site's EHR as Synthea wrote it. (Before, the report
 * said "not eligible" only for want of records: neither the death nor the stage in the diagnosis code was read.)
 */
@FhirServerTest
class SyntheaEligibilityIT {

    private static final String AUSTIN = "Austin_Franecki_f23eef30-acb2-49da-8091-159b61dc1ed5.json";

    @Test
    void aSyntheaLungCancerPatientRecordedAsDeceasedIsNotEligibleAndIsNotEnrolled() {
        IhrStudy ihr = TrialFixtures.newIhrStudy();
        Response pushed = fhirRequestAs(Tokens.EHR_HMU2).body(Synthea.json(AUSTIN)).post("/");
        pushed.then().statusCode(200);
        String patient = Fhir.created(pushed, "Patient");

        Parameters report = parse(fhirRequest().queryParam("patient", patient)
                .get("/" + ihr.studyReference() + "/$check-eligibility").then().statusCode(200).extract().response(), Parameters.class);

        assertThat(report.getParameterValue("eligible").primitiveValue()).isEqualTo("false");
        Map<String, ParametersParameterComponent> criteria = criteria(report);
        assertThat(criteria.keySet()).first().isEqualTo("alive");
        assertThat(part(criteria.get("alive"), "result")).isEqualTo("not-met");
        assertThat(part(criteria.get("alive"), "reason")).isEqualTo(patient + " is recorded as deceased on 1989-07-25");
        assertThat(part(criteria.get("inc-stage-iii-unresectable"), "result")).isEqualTo("not-met");
        assertThat(part(criteria.get("inc-stage-iii-unresectable"), "reason"))
                .contains("Non-small cell carcinoma of lung, TNM stage 1", "is staged I, not");

        ResearchSubject subject = TrialFixtures.subject(ihr, patient, "2026-01-05");
        subject.getExtensionByUrl(IhrStudy.PROFILE_BASE + "research-subject-site")
                .setValue(new Reference(TrialFixtures.siteOrganization("ihr-hmu2")));
        Response refused = fhirRequest(subject).post("/ResearchSubject");
        assertThat(refused.statusCode()).as(refused.asString()).isEqualTo(422);
        assertThat(outcome(refused).getIssue()).anySatisfy(issue -> assertThat(issue.getDiagnostics()).contains("deceased on 1989-07-25"));
    }

    /**
     * Synthea (like problem lists coded in SNOMED CT) records the stage of a lung cancer in the diagnosis code, "Non-small
     * cell carcinoma of lung, TNM stage N" (Austin Franecki's record has 424132000, stage 1): a Condition so coded counts
     * as a staged cancer (ConceptMap stage-in-diagnosis). Shown on the eligible patient with the stage recorded only so.
     */
    @ParameterizedTest
    @CsvSource({
        "422968005, Non-small cell carcinoma of lung TNM stage 3, met,     201",
        "424132000, Non-small cell carcinoma of lung TNM stage 1, not-met, 422",
    })
    void theStageADiagnosisCodeStatesCounts(String code, String display, String expected, int enrolment) {
        IhrStudy ihr = TrialFixtures.newIhrStudy();
        String patient = TrialFixtures.eligiblePatientWithout(WorkUpFact.STAGE_GROUP);
        Condition staged = new Condition().setSubject(new Reference(patient));
        staged.getCode().addCoding(new Coding("http://snomed.info/sct", code, display)).setText(display);
        staged.getClinicalStatus().addCoding(new Coding("http://terminology.hl7.org/CodeSystem/condition-clinical", "active", null));
        staged.getVerificationStatus().addCoding(new Coding("http://terminology.hl7.org/CodeSystem/condition-ver-status", "confirmed", null));
        staged.setOnset(new DateTimeType("2025-11-12"));
        String condition = "Condition/" + Fhir.create(staged);

        Parameters report = parse(fhirRequest().queryParam("patient", patient)
                .get("/" + ihr.studyReference() + "/$check-eligibility").then().statusCode(200).extract().response(), Parameters.class);

        ParametersParameterComponent stage = criteria(report).get("inc-stage-iii-unresectable");
        assertThat(part(stage, "result")).isEqualTo(expected);
        assertThat(stage.getPart()).anySatisfy(p -> assertThat(p.getValue()).isInstanceOfSatisfying(Reference.class,
                r -> assertThat(r.getReference()).isEqualTo(condition)));
        assertThat(TrialFixtures.enrol(ihr, patient, "2026-01-05").statusCode()).isEqualTo(enrolment);
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
