package org.isotox.eligibility.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.isotox.testsupport.Fhir.create;
import static org.isotox.testsupport.Fhir.fhirRequest;
import static org.isotox.testsupport.Fhir.outcome;
import static org.isotox.testsupport.Fhir.parse;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import io.restassured.response.Response;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Observation.ObservationStatus;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Parameters.ParametersParameterComponent;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.SimpleQuantity;
import org.hl7.fhir.r4.model.Type;
import org.isotox.eligibility.domain.CriterionResult;
import org.isotox.eligibility.domain.EligibilityReport;
import org.isotox.eligibility.domain.Outcome;
import org.isotox.testsupport.FhirServerTest;
import org.isotox.testsupport.IhrStudy;
import org.isotox.testsupport.TrialFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** {@code $check-eligibility} against the IHR study, with patients pushed over the REST API. */
@FhirServerTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CheckEligibilityIT {

    private static final String SNOMED = "http://snomed.info/sct";
    private static final String LOINC = "http://loinc.org";
    private static final String ISOTOX = "https://isotox.org/fhir/CodeSystem/isotox";
    private static final String TNM = "https://isotox.org/fhir/CodeSystem/tnm-stage-group";
    private static final LocalDate TODAY = LocalDate.now();
    private static final List<String> IHR_CRITERIA = List.of(
            "inc-nsclc-confirmed", "inc-stage-iii-unresectable", "inc-age", "inc-life-expectancy", "inc-karnofsky",
            "inc-blood-routine", "inc-liver-kidney-function", "exc-serious-comorbidity", "exc-unsuitable-hypofractionation");

    @Autowired
    EligibilityService eligibility;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    DaoRegistry daoRegistry;

    private IhrStudy ihr;
    private String eligible;
    private String karnofsky50;
    private String karnofsky50Observation;
    private String recentInfarction;
    private String infarction;
    private String noData;

    /** Once per class, but after REST Assured is aimed at the server (a per-test callback). */
    @BeforeEach
    void screenPatientsOnce() {
        if (ihr != null) {
            return;
        }
        ihr = IhrStudy.load();
        eligible = screenedPatient(70);
        karnofsky50 = screenedPatient(80, TODAY.minusDays(30));
        karnofsky50Observation = create(karnofsky(karnofsky50, 50, TODAY.minusDays(3)));
        recentInfarction = screenedPatient(70);
        infarction = create(condition(recentInfarction, "22298006", "Myocardial infarction (disorder)", TODAY.minusMonths(2)));
        noData = "Patient/" + create(new Patient().addName(new HumanName().setFamily("Unscreened")));
    }

    @Test
    void stageIIIbNsclcPatientWithKarnofsky70IsEligible() {
        Parameters result = checkEligibility(eligible);

        assertThat(eligibleOf(result)).isTrue();
        Map<String, ParametersParameterComponent> criteria = criteria(result);
        assertThat(criteria.keySet()).containsExactlyElementsOf(IHR_CRITERIA);
        assertThat(criteria.values()).extracting(c -> part(c, "result")).containsOnly("met");
        assertThat(part(criteria.get("inc-karnofsky"), "description")).isEqualTo("Minimum Karnofsky performance status");
        assertThat(evidence(criteria.get("inc-age"))).containsExactly(eligible);
        assertThat(evidence(criteria.get("inc-blood-routine"))).hasSize(4).allMatch(e -> e.startsWith("Observation/"));
        assertThat(evidence(criteria.get("inc-liver-kidney-function"))).hasSize(4);
    }

    @Test
    void karnofsky50IsNotEligibleAndSaysWhy() {
        Map<String, ParametersParameterComponent> criteria = criteria(checkEligibility(karnofsky50));

        ParametersParameterComponent karnofsky = criteria.get("inc-karnofsky");
        assertThat(part(karnofsky, "result")).isEqualTo("not-met");
        assertThat(evidence(karnofsky)).containsExactly("Observation/" + karnofsky50Observation);
        assertThat(part(karnofsky, "reason"))
                .isEqualTo("Karnofsky Performance Status score 50 on " + TODAY.minusDays(3) + " is below 60");
        assertThat(criteria.values()).filteredOn(c -> !part(c, "result").equals("met")).hasSize(1);
    }

    @Test
    void evidenceAfterTheAssessmentDateIsIgnored() {
        Parameters result = parse(fhirRequest()
                .queryParam("patient", karnofsky50)
                .queryParam("date", TODAY.minusDays(10).toString())
                .get("/" + ihr.studyReference() + "/$check-eligibility")
                .then()
                .statusCode(200)
                .extract()
                .response(), Parameters.class);

        ParametersParameterComponent karnofsky = criteria(result).get("inc-karnofsky");
        assertThat(part(karnofsky, "result")).isEqualTo("met");
        assertThat(part(karnofsky, "reason")).contains("80 on " + TODAY.minusDays(30));
    }

    @Test
    void myocardialInfarctionTwoMonthsAgoExcludes() {
        Parameters result = checkEligibility(recentInfarction);

        assertThat(eligibleOf(result)).isFalse();
        ParametersParameterComponent comorbidity = criteria(result).get("exc-serious-comorbidity");
        assertThat(part(comorbidity, "result")).isEqualTo("not-met");
        assertThat(evidence(comorbidity)).contains("Condition/" + infarction);
        assertThat(part(comorbidity, "reason")).isEqualTo("Myocardial infarction (Condition/" + infarction + ", onset "
                + TODAY.minusMonths(2) + ") recorded within 6 months");
    }

    @Test
    void aPatientWithoutDataIsUnknownNotExcluded() {
        Parameters result = checkEligibility(noData);

        assertThat(eligibleOf(result)).isFalse();
        Map<String, String> results = new LinkedHashMap<>();
        criteria(result).forEach((code, criterion) -> results.put(code, part(criterion, "result")));
        assertThat(results).containsEntry("exc-serious-comorbidity", "met")
                .containsEntry("exc-unsuitable-hypofractionation", "unknown");
        assertThat(results.entrySet()).filteredOn(entry -> entry.getKey().startsWith("inc-"))
                .hasSize(7)
                .allMatch(entry -> entry.getValue().equals("unknown"));
        assertThat(part(criteria(result).get("inc-karnofsky"), "reason")).isEqualTo("Karnofsky Performance Status score: none recorded");
    }

    @Test
    void theServiceSeesTheWritesOfTheTransactionItRunsIn() {
        EligibilityReport report = new TransactionTemplate(transactionManager).execute(status -> {
            status.setRollbackOnly();
            daoRegistry.getResourceDao(Observation.class).create(karnofsky(eligible, 40, TODAY), new SystemRequestDetails());
            return eligibility.evaluate(ihr.study(), new Reference(eligible), TODAY);
        });

        assertThat(report.criteria()).filteredOn(c -> c.outcome() != Outcome.MET)
                .extracting(CriterionResult::code)
                .containsExactly("inc-karnofsky");
        assertThat(eligibleOf(checkEligibility(eligible))).as("after the rollback").isTrue();
    }

    @Test
    void missingPatientIs400() {
        Response response = fhirRequest().get("/" + ihr.studyReference() + "/$check-eligibility").then()
                .statusCode(400).extract().response();

        OperationOutcome.OperationOutcomeIssueComponent issue = outcome(response).getIssueFirstRep();
        assertThat(issue.getCode()).isEqualTo(IssueType.REQUIRED);
        assertThat(issue.getExpression()).extracting(e -> e.getValue()).containsExactly("patient");
    }

    @Test
    void aReferenceToSomethingElseThanAPatientIs400() {
        fhirRequest().queryParam("patient", "Observation/" + karnofsky50Observation)
                .get("/" + ihr.studyReference() + "/$check-eligibility")
                .then()
                .statusCode(400);
    }

    @Test
    void aDateThatIsNotADayIs400() {
        Response response = fhirRequest().queryParam("patient", eligible).queryParam("date", "2026-11")
                .get("/" + ihr.studyReference() + "/$check-eligibility").then().statusCode(400).extract().response();

        assertThat(outcome(response).getIssueFirstRep().getExpression()).extracting(e -> e.getValue()).containsExactly("date");
    }

    /**
     * Eligibility is decided as of the enrolment day: a patient who died after it is enrolled (a record entered after the
     * fact), and is reported not alive as of a day after the death.
     */
    @Test
    void aDeathCountsFromItsDayOn() {
        String patient = TrialFixtures.eligiblePatient();
        Patient record = parse(fhirRequest().get("/" + patient).then().statusCode(200).extract().response(), Patient.class);
        record.setDeceased(new DateTimeType("2026-03-01"));
        fhirRequest(record).put("/" + patient).then().statusCode(200);

        Parameters afterTheDeath = parse(fhirRequest().queryParam("patient", patient).queryParam("date", "2026-03-02")
                .get("/" + ihr.studyReference() + "/$check-eligibility").then().statusCode(200).extract().response(), Parameters.class);

        assertThat(eligibleOf(afterTheDeath)).isFalse();
        assertThat(part(criteria(afterTheDeath).get("alive"), "reason")).isEqualTo(patient + " is recorded as deceased on 2026-03-01");
        TrialFixtures.enrol(ihr, patient, "2026-01-05").then().statusCode(201);
    }

    @Test
    void unknownStudyIs404() {
        Response response = fhirRequest().queryParam("patient", eligible)
                .get("/ResearchStudy/no-such-study/$check-eligibility").then().statusCode(404).extract().response();

        assertThat(outcome(response).getIssueFirstRep().getCode()).isEqualTo(IssueType.NOTFOUND);
    }

    @Test
    void unknownPatientIs404() {
        Response response = fhirRequest().queryParam("patient", "Patient/no-such-patient")
                .get("/" + ihr.studyReference() + "/$check-eligibility").then().statusCode(404).extract().response();

        assertThat(outcome(response).getIssueFirstRep().getDiagnostics()).isEqualTo("Patient/no-such-patient is not known");
    }

    @Test
    void theCapabilityStatementListsTheOperationOnResearchStudy() {
        CapabilityStatement capabilities =
                parse(fhirRequest().get("/metadata").then().statusCode(200).extract().response(), CapabilityStatement.class);

        assertThat(capabilities.getRestFirstRep().getResource())
                .filteredOn(resource -> resource.getType().equals("ResearchStudy"))
                .flatExtracting(resource -> resource.getOperation())
                .extracting(operation -> operation.getName())
                .contains("check-eligibility");
    }

    /** A screened stage IIIB NSCLC patient, 67 years old, with normal labs and the given Karnofsky score. */
    private String screenedPatient(int karnofsky) {
        return screenedPatient(karnofsky, TODAY.minusDays(5));
    }

    private String screenedPatient(int karnofsky, LocalDate karnofskyDay) {
        Patient person = new Patient().addName(new HumanName().setFamily("Screened").addGiven("Wei"));
        person.setBirthDateElement(new DateType(TODAY.minusYears(67).minusDays(40).toString()));
        String patient = "Patient/" + create(person);
        LocalDate screening = TODAY.minusDays(7);
        create(condition(patient, "254637007", "Non-small cell lung cancer (disorder)", TODAY.minusMonths(1)));
        create(observation(patient, SNOMED, "399537006", screening,
                new CodeableConcept(new Coding(TNM, "IIIB", "Stage IIIB"))));
        create(karnofsky(patient, karnofsky, karnofskyDay));
        create(observation(patient, ISOTOX, "life-expectancy", screening,
                new Quantity().setValue(12).setUnit("months").setSystem("http://unitsofmeasure.org").setCode("mo")));
        create(lab(patient, "718-7", screening, "138", "130", "175", "g/L"));
        create(lab(patient, "6690-2", screening, "6.2", "3.5", "9.5", "10*9/L"));
        create(lab(patient, "751-8", screening, "4.1", "1.8", "6.3", "10*9/L"));
        create(lab(patient, "777-3", screening, "210", "125", "350", "10*9/L"));
        create(lab(patient, "1742-6", screening, "35", "9", "50", "U/L"));
        create(lab(patient, "1920-8", screening, "30", "15", "40", "U/L"));
        create(lab(patient, "1975-2", screening, "12", "0", "21", "umol/L"));
        create(lab(patient, "2160-0", screening, "80", "57", "111", "umol/L"));
        create(observation(patient, ISOTOX, "investigator-judgement-unsuitable", screening, new BooleanType(false)));
        return patient;
    }

    private static Condition condition(String patient, String snomed, String display, LocalDate onset) {
        return new Condition()
                .setSubject(new Reference(patient))
                .setClinicalStatus(new CodeableConcept(
                        new Coding("http://terminology.hl7.org/CodeSystem/condition-clinical", "active", null)))
                .setVerificationStatus(new CodeableConcept(
                        new Coding("http://terminology.hl7.org/CodeSystem/condition-ver-status", "confirmed", null)))
                .setCode(new CodeableConcept(new Coding(SNOMED, snomed, display)))
                .setOnset(new DateTimeType(onset.toString()));
    }

    private static Observation karnofsky(String patient, int score, LocalDate day) {
        return observation(patient, LOINC, "89243-0", day, new IntegerType(score));
    }

    private static Observation lab(String patient, String loinc, LocalDate day, String value, String low, String high,
            String unit) {
        Observation lab = observation(patient, LOINC, loinc, day,
                new Quantity().setValue(new BigDecimal(value)).setUnit(unit).setSystem("http://unitsofmeasure.org").setCode(unit));
        lab.addReferenceRange().setLow(limit(low, unit)).setHigh(limit(high, unit));
        return lab;
    }

    private static SimpleQuantity limit(String value, String unit) {
        SimpleQuantity limit = new SimpleQuantity();
        limit.setValue(new BigDecimal(value)).setUnit(unit).setSystem("http://unitsofmeasure.org").setCode(unit);
        return limit;
    }

    private static Observation observation(String patient, String system, String code, LocalDate day, Type value) {
        return new Observation()
                .setStatus(ObservationStatus.FINAL)
                .setCode(new CodeableConcept(new Coding(system, code, null)))
                .setSubject(new Reference(patient))
                .setEffective(new DateTimeType(day.toString()))
                .setValue(value);
    }

    private Parameters checkEligibility(String patient) {
        return parse(fhirRequest()
                .queryParam("patient", patient)
                .get("/" + ihr.studyReference() + "/$check-eligibility")
                .then()
                .statusCode(200)
                .extract()
                .response(), Parameters.class);
    }

    private static boolean eligibleOf(Parameters result) {
        return ((BooleanType) result.getParameter("eligible").getValue()).booleanValue();
    }

    private static Map<String, ParametersParameterComponent> criteria(Parameters result) {
        Map<String, ParametersParameterComponent> byCode = new LinkedHashMap<>();
        result.getParameter().stream()
                .filter(p -> p.getName().equals("criterion"))
                .forEach(c -> byCode.put(part(c, "code"), c));
        return byCode;
    }

    private static String part(ParametersParameterComponent criterion, String name) {
        return criterion.getPart().stream()
                .filter(p -> p.getName().equals(name))
                .findFirst()
                .map(p -> p.getValue().primitiveValue())
                .orElse(null);
    }

    private static List<String> evidence(ParametersParameterComponent criterion) {
        return criterion.getPart().stream()
                .filter(p -> p.getName().equals("evidence"))
                .map(p -> ((Reference) p.getValue()).getReference())
                .toList();
    }
}
