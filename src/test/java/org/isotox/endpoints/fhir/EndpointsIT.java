package org.isotox.endpoints.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.isotox.testsupport.Fhir.create;
import static org.isotox.testsupport.Fhir.fhirRequest;
import static org.isotox.testsupport.Fhir.outcome;
import static org.isotox.testsupport.Fhir.parse;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Parameters.ParametersParameterComponent;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.ResearchSubject;
import org.hl7.fhir.r4.model.ResearchSubject.ResearchSubjectStatus;
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
 *
 * <p>For the analysis populations, a second study of six subjects enrolled on the same day and
 * recorded as a site would (enrolment, course, baseline CT, then): 1 dies on day 300; 2 has no
 * progression on days 200 and 400; 3 progresses in field on day 100 (CT again on day 400); 4 has
 * a CT on day 60, is withdrawn on day 90 ({@code period.end}) and dies on day 250; 5 progresses on
 * day 40 and is withdrawn on day 120; 6 has a CT on day 150 and is withdrawn with no end date.
 * Its expected curves follow the product-limit formula S(t) = product over event times t_i <= t of
 * (1 - d_i / n_i) (see {@code AnalysisPopulationTest}).
 */
@FhirServerTest
class EndpointsIT {

    private static final LocalDate ENROLLED = LocalDate.of(2026, 1, 5);
    private static IhrStudy ihr;
    private static IhrStudy withdrawals;

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

        assertThat(integer(endpoint(early, "OS", "protocol"), "events")).isEqualTo(4);
    }

    @Test
    void anAnalysisDateThatIsNotADayIsRefused() {
        String diagnostics = outcome(fhirRequest().get("/" + ihr.studyReference() + "/$endpoints?asOf=2031-06")
                .then().statusCode(400).extract().response()).getIssueFirstRep().getDiagnostics();

        assertThat(diagnostics).contains("'asOf'").contains("YYYY-MM-DD");
    }

    @Test
    void eachEndpointNamesItsPopulationTheProtocolsFirst() {
        List<ParametersParameterComponent> endpoints = result().getParameter().stream()
                .filter(p -> p.getName().equals("endpoint"))
                .toList();

        assertThat(endpoints).extracting(e -> value(e, "name") + " " + population(e).getCode()).containsExactly(
                "OS protocol", "PFS protocol", "TTP protocol", "LC protocol",
                "OS all-enrolled", "PFS all-enrolled", "TTP all-enrolled", "LC all-enrolled");
        assertThat(population(endpoints.get(0)).getSystem()).isEqualTo("https://isotox.org/fhir/CodeSystem/isotox");
        assertThat(population(endpoints.get(0)).getDisplay()).isEqualTo("Protocol population: withdrawn and lost to follow-up excluded");
        assertThat(population(endpoints.get(4)).getDisplay()).isEqualTo("All enrolled subjects, withdrawn censored at withdrawal");
    }

    @Test
    void thePopulationParameterAsksForOne() {
        Parameters allEnrolled = parse(fhirRequest().get("/" + ihr.studyReference() + "/$endpoints?asOf=2031-06-01&population=all-enrolled")
                .then().statusCode(200).extract().response(), Parameters.class);
        String diagnostics = outcome(fhirRequest().get("/" + ihr.studyReference() + "/$endpoints?population=per-protocol")
                .then().statusCode(400).extract().response()).getIssueFirstRep().getDiagnostics();

        assertThat(allEnrolled.getParameter()).filteredOn(p -> p.getName().equals("endpoint"))
                .extracting(e -> population(e).getCode()).containsExactly("all-enrolled", "all-enrolled", "all-enrolled", "all-enrolled");
        assertThat(diagnostics).contains("'population'").contains("protocol, all-enrolled");
    }

    @Test
    void theProtocolPopulationLeavesTheWithdrawnSubjectsOut() {
        Parameters result = withdrawalResult();
        ParametersParameterComponent os = endpoint(result, "OS", "protocol");
        ParametersParameterComponent pfs = endpoint(result, "PFS", "protocol");

        for (String name : List.of("OS", "PFS", "TTP", "LC")) {
            assertThat(integer(endpoint(result, name, "protocol"), "n")).as(name).isEqualTo(3);
        }
        // OS: the death on day 300 among 3 at risk: 2/3
        assertThat(integer(os, "events")).isEqualTo(1);
        assertThat(survival(os, 12)).isEqualTo("0.666667");
        // PFS: progression on day 100 (3 at risk): 2/3, death on day 300 (2 at risk): 1/3
        assertThat(integer(pfs, "events")).isEqualTo(2);
        assertThat(survival(pfs, 12)).isEqualTo("0.333333");
        assertThat(steps(pfs)).containsExactly(
                "3.285421 at risk 3 events 1 censored 0 S 0.666667",
                "9.856263 at risk 2 events 1 censored 0 S 0.333333",
                "13.141684 at risk 1 events 0 censored 1 S 0.333333");
    }

    @Test
    void allEnrolledCensorsOverallSurvivalAtTheWithdrawalOrTheLastContact() {
        ParametersParameterComponent os = endpoint(withdrawalResult(), "OS", "all-enrolled");

        assertThat(integer(os, "n")).isEqualTo(6);
        assertThat(integer(os, "events")).as("the death after the withdrawal does not count").isEqualTo(1);
        // censored: 4 at its withdrawal (day 90), 5 at its withdrawal (day 120), 6 when last seen (day 150);
        // then the death on day 300 among 3 at risk: 2/3
        assertThat(steps(os)).containsExactly(
                "2.956879 at risk 6 events 0 censored 1 S 1",
                "3.942505 at risk 5 events 0 censored 1 S 1",
                "4.928131 at risk 4 events 0 censored 1 S 1",
                "9.856263 at risk 3 events 1 censored 0 S 0.666667",
                "13.141684 at risk 2 events 0 censored 2 S 0.666667");
        assertThat(parts(os, "numberAtRisk")).extracting(p -> integer(p, "atRisk")).containsExactly(6, 3, 2);
        assertThat(survival(os, 12)).isEqualTo("0.666667");
    }

    @Test
    void allEnrolledCountsAProgressionBeforeTheWithdrawal() {
        ParametersParameterComponent pfs = endpoint(withdrawalResult(), "PFS", "all-enrolled");

        assertThat(integer(pfs, "n")).isEqualTo(6);
        assertThat(integer(pfs, "events")).isEqualTo(3);
        // 5's progression on day 40 (6 at risk): 5/6; 4 censored at its CT on day 60, before its withdrawal;
        // day 100 (4 at risk): 5/6 * 3/4 = 0.625; 6 censored at its CT on day 150; day 300 (2 at risk): 0.3125
        assertThat(steps(pfs)).containsExactly(
                "1.314168 at risk 6 events 1 censored 0 S 0.833333",
                "1.971253 at risk 5 events 0 censored 1 S 0.833333",
                "3.285421 at risk 4 events 1 censored 0 S 0.625",
                "4.928131 at risk 3 events 0 censored 1 S 0.625",
                "9.856263 at risk 2 events 1 censored 0 S 0.3125",
                "13.141684 at risk 1 events 0 censored 1 S 0.3125");
        assertThat(survival(pfs, 12)).isEqualTo("0.3125");
        assertThat(((Quantity) parts(pfs, "median").get(0).getValue()).getValue()).isEqualByComparingTo("9.856263");
    }

    /** The second study's endpoints, built on first use. */
    private static Parameters withdrawalResult() {
        if (withdrawals == null) {
            withdrawals = withdrawalStudy();
        }
        return parse(fhirRequest().get("/" + withdrawals.studyReference() + "/$endpoints?asOf=2028-01-01")
                .then().statusCode(200).extract().response(), Parameters.class);
    }

    private static IhrStudy withdrawalStudy() {
        IhrStudy study = TrialFixtures.newIhrStudy();
        List<String> patients = new ArrayList<>();
        List<String> subjects = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            String patient = TrialFixtures.eligiblePatient();
            subjects.add("ResearchSubject/" + create(TrialFixtures.subject(study, patient, ENROLLED.toString())));
            TrialFixtures.completeCourse(patient, "2026-01-12", "2026-02-20", 22);
            create(Lesions.target(patient, "2026-01-04", "T1", "30", true));
            patients.add(patient);
        }
        die(patients.get(0), ENROLLED.plusDays(300));
        create(Lesions.target(patients.get(1), day(200), "T1", "30", true));
        create(Lesions.target(patients.get(1), day(400), "T1", "30", true));
        create(Lesions.target(patients.get(2), day(100), "T1", "40", true));
        create(Lesions.target(patients.get(2), day(400), "T1", "40", true));
        create(Lesions.target(patients.get(3), day(60), "T1", "30", true));
        withdraw(subjects.get(3), day(90));
        die(patients.get(3), ENROLLED.plusDays(250));
        create(Lesions.target(patients.get(4), day(40), "T1", "40", true));
        withdraw(subjects.get(4), day(120));
        create(Lesions.target(patients.get(5), day(150), "T1", "30", true));
        withdraw(subjects.get(5), null);
        return study;
    }

    /** The site's update of the subject: status withdrawn, and the day in {@code period.end} when given. */
    private static void withdraw(String subject, String day) {
        ResearchSubject current = parse(fhirRequest().get("/" + subject).then().statusCode(200).extract().response(), ResearchSubject.class);
        current.setStatus(ResearchSubjectStatus.WITHDRAWN);
        if (day != null) {
            current.getPeriod().setEndElement(new DateTimeType(day));
        }
        fhirRequest(current).put("/" + subject).then().statusCode(200);
    }

    /** Each plotted step as "time at risk n events d censored c S s". */
    private static List<String> steps(ParametersParameterComponent endpoint) {
        return parts(endpoint, "step").stream()
                .map(step -> decimal(step, "time") + " at risk " + integer(step, "atRisk") + " events " + integer(step, "events")
                        + " censored " + integer(step, "censored") + " S " + decimal(step, "survival"))
                .toList();
    }

    private static Coding population(ParametersParameterComponent endpoint) {
        return (Coding) endpoint.getPart().stream().filter(p -> p.getName().equals("population")).findFirst().orElseThrow().getValue();
    }

    private static ParametersParameterComponent endpoint(Parameters result, String name, String population) {
        return result.getParameter().stream()
                .filter(p -> p.getName().equals("endpoint"))
                .filter(p -> value(p, "name").equals(name) && population(p).getCode().equals(population))
                .findFirst()
                .orElseThrow();
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
        return endpoint(result(), name, "protocol");
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
