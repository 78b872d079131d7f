package org.isotox.endpoints.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.isotox.testsupport.Fhir.create;
import static org.isotox.testsupport.Fhir.fhirRequest;
import static org.isotox.testsupport.Fhir.outcome;
import static org.isotox.testsupport.Fhir.parse;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Parameters.ParametersParameterComponent;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Quantity;
import org.isotox.testsupport.FhirServerTest;
import org.isotox.testsupport.IhrStudy;
import org.isotox.testsupport.Lesions;
import org.isotox.testsupport.TrialFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A synthetic 30-subject study, all enrolled on 2026-01-05, with known answers:
 * subjects 1-10 die on days 100, 200, ..., 1000 (no tumour assessment after the baseline);
 * subjects 11-13 progress in field on day 200, subjects 14-16 with a new lesion on day 300;
 * subjects 11-30 have a last assessment on day 1900 (5.2 years); 12 months = 365.25 days.
 */
@FhirServerTest
class EndpointsIT {

    private static final LocalDate ENROLLED = LocalDate.of(2026, 1, 5);
    private static IhrStudy ihr;

    @BeforeEach
    void syntheticStudy() {
        if (ihr != null) {
            return;
        }
        ihr = TrialFixtures.newIhrStudy();
        List<String> patients = new ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            String patient = TrialFixtures.eligiblePatient();
            TrialFixtures.enrol(ihr, patient, ENROLLED.toString()).then().statusCode(201);
            TrialFixtures.completeCourse(patient, "2026-01-12", "2026-02-20", 22);
            create(Lesions.target(patient, "2026-01-04", "T1", "30", true));
            patients.add(patient);
        }
        for (int i = 1; i <= 10; i++) {
            die(patients.get(i - 1), ENROLLED.plusDays(100L * i));
        }
        for (int i = 11; i <= 13; i++) {
            create(Lesions.target(patients.get(i - 1), day(200), "T1", "40", true));
        }
        for (int i = 14; i <= 16; i++) {
            create(Lesions.target(patients.get(i - 1), day(300), "T1", "30", true));
            create(Lesions.newLesion(patients.get(i - 1), day(300), "N1"));
        }
        for (int i = 11; i <= 30; i++) {
            create(Lesions.target(patients.get(i - 1), day(1900), "T1", "30", true));
        }
    }

    @Test
    void overallSurvivalFollowsTheDeaths() {
        ParametersParameterComponent os = endpoint("OS");

        assertThat(integer(os, "n")).isEqualTo(30);
        assertThat(integer(os, "events")).isEqualTo(10);
        // 3 deaths before 12 months, 30 at risk: 27/30; 7 before 24 months: 23/30; 10 before 36: 20/30
        assertThat(survival(os, 12)).isEqualTo("0.9");
        assertThat(survival(os, 24)).isEqualTo("0.766667");
        assertThat(survival(os, 36)).isEqualTo("0.666667");
        assertThat(survival(os, 60)).isEqualTo("0.666667");
        assertThat(os.getPart()).as("median not reached").noneMatch(p -> p.getName().equals("median"));
    }

    @Test
    void theCurveComesWithItsStepsAndNumbersAtRiskForPlotting() {
        ParametersParameterComponent os = endpoint("OS");
        List<ParametersParameterComponent> steps = parts(os, "step");
        List<ParametersParameterComponent> atRisk = parts(os, "numberAtRisk");

        // ten death times and the common censoring at day 1900
        assertThat(steps).hasSize(11);
        assertThat(decimal(steps.get(0), "time")).isEqualTo("3.285421");
        assertThat(decimal(steps.get(0), "survival")).isEqualTo("0.966667");
        assertThat(integer(steps.get(0), "atRisk")).isEqualTo(30);
        assertThat(integer(steps.get(0), "events")).isEqualTo(1);
        assertThat(integer(steps.get(10), "censored")).isEqualTo(20);
        assertThat(steps.get(0).getPart()).extracting(ParametersParameterComponent::getName).contains("lower", "upper");
        // every 6 months from 0 to the last observation (62.4 months)
        assertThat(atRisk).extracting(p -> integer(p, "time")).containsExactly(0, 6, 12, 18, 24, 30, 36, 42, 48, 54, 60);
        assertThat(integer(atRisk.get(0), "atRisk")).isEqualTo(30);
        assertThat(integer(atRisk.get(2), "atRisk")).isEqualTo(27);
    }

    @Test
    void progressionEndpointsCountTheirOwnEvents() {
        assertThat(integer(endpoint("PFS"), "events")).isEqualTo(16);
        assertThat(integer(endpoint("TTP"), "events")).isEqualTo(6);
        ParametersParameterComponent lc = endpoint("LC");
        assertThat(integer(lc, "events")).isEqualTo(3);
        // subjects 1-10 have no assessment after enrolment (censored at 0); 20 at risk on day 200, 3 fail: 17/20
        assertThat(decimal(lc, "percentAt3Years")).isEqualTo("85");
        assertThat(decimal(lc, "percentAt5Years")).isEqualTo("85");
    }

    @Test
    void safetyEndpointCountsSevereToxicities() {
        ParametersParameterComponent safety = result().getParameter("safety");

        assertThat(integer(safety, "n")).isEqualTo(30);
        assertThat(integer(safety, "severeToxicities")).isZero();
    }

    @Test
    void earlierAnalysisDateSeesFewerEvents() {
        Parameters early = parse(fhirRequest().get("/" + ihr.studyReference() + "/$endpoints?asOf=" + day(450))
                .then().statusCode(200).extract().response(), Parameters.class);

        assertThat(integer(part(early, "OS"), "events")).isEqualTo(4);
    }

    @Test
    void anAnalysisDateThatIsNotADayIsRefused() {
        String diagnostics = outcome(fhirRequest().get("/" + ihr.studyReference() + "/$endpoints?asOf=2031-06")
                .then().statusCode(400).extract().response()).getIssueFirstRep().getDiagnostics();

        assertThat(diagnostics).contains("'asOf'").contains("YYYY-MM-DD");
    }

    private static void die(String patient, LocalDate date) {
        Patient record = parse(fhirRequest().get("/" + patient).then().statusCode(200).extract().response(), Patient.class);
        record.setDeceased(new DateTimeType(date.toString()));
        fhirRequest(record).put("/" + patient).then().statusCode(200);
    }

    private static String day(int days) {
        return ENROLLED.plusDays(days).toString();
    }

    private static Parameters result() {
        return parse(fhirRequest().get("/" + ihr.studyReference() + "/$endpoints?asOf=2031-06-01")
                .then().statusCode(200).extract().response(), Parameters.class);
    }

    private static List<ParametersParameterComponent> parts(ParametersParameterComponent parent, String name) {
        return parent.getPart().stream().filter(p -> p.getName().equals(name)).toList();
    }

    private static ParametersParameterComponent endpoint(String name) {
        return part(result(), name);
    }

    private static ParametersParameterComponent part(Parameters result, String name) {
        return result.getParameter().stream()
                .filter(p -> p.getName().equals("endpoint"))
                .filter(p -> p.getPart().stream().anyMatch(n -> n.getName().equals("name") && n.getValue().primitiveValue().equals(name)))
                .findFirst()
                .orElseThrow();
    }

    private static int integer(ParametersParameterComponent parameter, String name) {
        return Integer.parseInt(value(parameter, name));
    }

    private static String decimal(ParametersParameterComponent parameter, String name) {
        return new java.math.BigDecimal(value(parameter, name)).stripTrailingZeros().toPlainString();
    }

    private static String value(ParametersParameterComponent parameter, String name) {
        return parameter.getPart().stream().filter(p -> p.getName().equals(name)).findFirst().orElseThrow()
                .getValue().primitiveValue();
    }

    private static String survival(ParametersParameterComponent endpoint, int months) {
        ParametersParameterComponent at = endpoint.getPart().stream()
                .filter(p -> p.getName().equals("survival"))
                .filter(p -> ((Quantity) p.getPart().get(0).getValue()).getValue().intValue() == months)
                .findFirst()
                .orElseThrow();
        return decimal(at, "estimate");
    }
}
