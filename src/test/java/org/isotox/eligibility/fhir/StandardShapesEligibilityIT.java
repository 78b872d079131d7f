package org.isotox.eligibility.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.isotox.testsupport.Fhir.create;
import static org.isotox.testsupport.Fhir.fhirRequest;
import static org.isotox.testsupport.Fhir.parse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Parameters.ParametersParameterComponent;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Type;
import org.isotox.testsupport.Fhir;
import org.isotox.testsupport.FhirServerTest;
import org.isotox.testsupport.IhrStudy;
import org.isotox.testsupport.TrialFixtures;
import org.isotox.testsupport.TrialFixtures.WorkUpFact;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Work-up facts recorded as mCODE STU4 records them (the fixtures of {@code src/test/resources/ig-examples/mcode/},
 * translated from the guide's examples or built from its profiles) count for the IHR criteria exactly as the same
 * facts in the trial's own shapes: the same {@code $check-eligibility} result per criterion and the same enrolment
 * decision. Each patient is the eligible patient of {@link TrialFixtures#eligiblePatient()} with one fact recorded
 * in the shape under test.
 *
 * <p>The fixtures' references to the guide's other examples (patient, practitioners, the staged condition, T/N/M
 * members) are pointed at the resources the test creates, or dropped where the test has none.
 */
@FhirServerTest
class StandardShapesEligibilityIT {

    private static final String SNOMED = "http://snomed.info/sct";
    private static final String LOINC = "http://loinc.org";
    private static final String ICD10CM = "http://hl7.org/fhir/sid/icd-10-cm";
    private static final String ICDO3 = "http://terminology.hl7.org/CodeSystem/icd-o-3";
    private static final String TNM = "https://isotox.org/fhir/CodeSystem/tnm-stage-group";
    private static final String HISTOLOGY = "http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-histology-morphology-behavior";
    private static final String MCODE = "/ig-examples/mcode/";
    private static final String BUILT = MCODE + "built-from-profile/";
    private static final String ENROLMENT = "2026-01-10";

    /** One fact in the mCODE shape and in the trial's shape, and the result expected for its criterion. */
    record Case(String name, WorkUpFact fact, String criterion, String expected, Consumer<String> mcode,
            Consumer<String> trial) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                new Case("mCODE primary cancer condition, NSCLC", WorkUpFact.NSCLC_DIAGNOSIS, "inc-nsclc-confirmed", "met",
                        patient -> create(primaryCancer(patient, null)), StandardShapesEligibilityIT::trialNsclc),
                new Case("NSCLC by histology: adenocarcinoma of lung (condition code adapted)", WorkUpFact.NSCLC_DIAGNOSIS,
                        "inc-nsclc-confirmed", "met",
                        patient -> create(primaryCancer(patient, new Coding(SNOMED, "254626006", "Adenocarcinoma of lung (disorder)"))),
                        StandardShapesEligibilityIT::trialNsclc),
                new Case("NSCLC by histology: squamous cell carcinoma of lung", WorkUpFact.NSCLC_DIAGNOSIS,
                        "inc-nsclc-confirmed", "met",
                        patient -> create(withHistology(primaryCancer(patient,
                                new Coding(SNOMED, "254634000", "Squamous cell carcinoma of lung (disorder)")),
                                new Coding(ICDO3, "8070/3", "Squamous cell carcinoma, NOS"))),
                        StandardShapesEligibilityIT::trialNsclc),
                new Case("ICD-10-CM C34.90 with the mCODE histology adenocarcinoma (SNOMED CT morphology)",
                        WorkUpFact.NSCLC_DIAGNOSIS, "inc-nsclc-confirmed", "met",
                        patient -> create(primaryCancer(patient, new Coding(ICD10CM, "C34.90",
                                "Malignant neoplasm of unspecified part of unspecified bronchus or lung"))),
                        StandardShapesEligibilityIT::trialNsclc),
                new Case("ICD-10-CM C34.11 with the mCODE histology ICD-O-3 8070/3 squamous cell carcinoma",
                        WorkUpFact.NSCLC_DIAGNOSIS, "inc-nsclc-confirmed", "met",
                        patient -> create(withHistology(primaryCancer(patient, new Coding(ICD10CM, "C34.11",
                                "Malignant neoplasm of upper lobe, right bronchus or lung")),
                                new Coding(ICDO3, "8070/3", "Squamous cell carcinoma, NOS"))),
                        StandardShapesEligibilityIT::trialNsclc),
                new Case("clinical stage group IIIA (AJCC 3A) with T/N/M", WorkUpFact.STAGE_GROUP, "inc-stage-iii-unresectable", "met",
                        patient -> stageGroup(patient, BUILT + "Observation-tnm-clinical-stage-group-3a.json", null,
                                BUILT + "Observation-tnm-clinical-primary-tumor-category-cT3-stage-3a.json",
                                BUILT + "Observation-tnm-clinical-regional-nodes-category-cN1.json",
                                BUILT + "Observation-tnm-clinical-distant-metastases-category-cM0-stage-3a.json"),
                        patient -> trialStage(patient, "IIIA")),
                new Case("clinical stage group IIIB (LOINC 21908-9, AJCC 3B) with T/N/M", WorkUpFact.STAGE_GROUP,
                        "inc-stage-iii-unresectable", "met",
                        patient -> stageGroup(patient, BUILT + "Observation-tnm-clinical-stage-group-3b.json", null,
                                BUILT + "Observation-tnm-clinical-primary-tumor-category-cT3-stage-3b.json",
                                BUILT + "Observation-tnm-clinical-regional-nodes-category-cN2.json",
                                BUILT + "Observation-tnm-clinical-distant-metastases-category-cM0-stage-3b.json"),
                        patient -> trialStage(patient, "IIIB")),
                new Case("clinical stage group IIIC (SNOMED CT 1222806003) with T/N/M", WorkUpFact.STAGE_GROUP,
                        "inc-stage-iii-unresectable", "met",
                        patient -> stageGroup(patient, MCODE + "Observation-tnm-clinical-stage-group-3c.json", null,
                                MCODE + "Observation-tnm-clinical-primary-tumor-category-cT3.json",
                                MCODE + "Observation-tnm-clinical-regional-nodes-category-cN3.json",
                                MCODE + "Observation-tnm-clinical-distant-metastases-category-cM0.json"),
                        patient -> trialStage(patient, "IIIC")),
                new Case("clinical stage group IIIA in SNOMED CT (1222802001; the IIIC example's value changed)",
                        WorkUpFact.STAGE_GROUP, "inc-stage-iii-unresectable", "met",
                        patient -> stageGroup(patient, MCODE + "Observation-tnm-clinical-stage-group-3c.json",
                                new Coding(SNOMED, "1222802001", "American Joint Committee on Cancer stage IIIA (qualifier value)")),
                        patient -> trialStage(patient, "IIIA")),
                new Case("clinical stage group IIB in SNOMED CT (1222769001): not stage III", WorkUpFact.STAGE_GROUP,
                        "inc-stage-iii-unresectable", "not-met",
                        patient -> stageGroup(patient, MCODE + "Observation-tnm-clinical-stage-group-3c.json",
                                new Coding(SNOMED, "1222769001", "American Joint Committee on Cancer stage IIB (qualifier value)")),
                        patient -> create(observation(patient,
                                new Coding(SNOMED, "399537006", "Clinical TNM stage grouping (observable entity)"),
                                new CodeableConcept().addCoding(new Coding(SNOMED, "1222769001",
                                        "American Joint Committee on Cancer stage IIB (qualifier value)"))))),
                // jenny-m is a breast cancer staged IIB: its value is changed to IIIA and it focuses on the lung cancer
                new Case("pathologic stage group (SNOMED CT 399588009), value adapted to IIIA", WorkUpFact.STAGE_GROUP,
                        "inc-stage-iii-unresectable", "met",
                        patient -> stageGroup(patient, MCODE + "Observation-tnm-pathologic-stage-group-jenny-m.json",
                                new Coding(SNOMED, "1222802001", "American Joint Committee on Cancer stage IIIA (qualifier value)")),
                        patient -> trialStage(patient, "IIIA")),
                new Case("pathologic stage group as LOINC 21902-2, AJCC 3B", WorkUpFact.STAGE_GROUP,
                        "inc-stage-iii-unresectable", "met",
                        patient -> create(recoded(stageGroupResource(patient, MCODE + "Observation-tnm-pathologic-stage-group-jenny-m.json",
                                new Coding("http://cancerstaging.org", "3B", "IIIB")),
                                new Coding(LOINC, "21902-2", "Stage group.pathology Cancer"))),
                        patient -> trialStage(patient, "IIIB")),
                new Case("stage only in Condition.stage.summary (IIIC)", WorkUpFact.STAGE_GROUP, "inc-stage-iii-unresectable", "met",
                        patient -> create(withoutStageAssessment(primaryCancer(patient, null))),
                        patient -> trialStage(patient, "IIIC")),
                new Case("mCODE Karnofsky 90", WorkUpFact.KARNOFSKY, "inc-karnofsky", "met",
                        patient -> create(performanceStatus(patient, "Observation-karnofsky-performance-status-normal-activity.json", 90)),
                        patient -> trialKarnofsky(patient, 90)),
                new Case("ECOG 0 (KPS 90-100)", WorkUpFact.KARNOFSKY, "inc-karnofsky", "met",
                        patient -> create(performanceStatus(patient, "Observation-ecog-performance-status-fully-active.json", 0)),
                        patient -> trialKarnofsky(patient, 90)),
                new Case("ECOG 1 (KPS 70-80)", WorkUpFact.KARNOFSKY, "inc-karnofsky", "met",
                        patient -> create(performanceStatus(patient, "Observation-ecog-performance-status-fully-active.json", 1)),
                        patient -> trialKarnofsky(patient, 70)),
                new Case("ECOG 3 (KPS 30-40)", WorkUpFact.KARNOFSKY, "inc-karnofsky", "not-met",
                        patient -> create(performanceStatus(patient, "Observation-ecog-performance-status-fully-active.json", 3)),
                        patient -> trialKarnofsky(patient, 40)))
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theMcodeShapeCountsAsTheTrialShape(Case fact) {
        IhrStudy study = TrialFixtures.newIhrStudy();
        String inMcodeShape = TrialFixtures.eligiblePatientWithout(fact.fact());
        fact.mcode().accept(inMcodeShape);
        String inTrialShape = TrialFixtures.eligiblePatientWithout(fact.fact());
        fact.trial().accept(inTrialShape);

        Map<String, String> mcode = results(checkEligibility(study, inMcodeShape));
        Map<String, String> trial = results(checkEligibility(study, inTrialShape));

        assertThat(mcode.get(fact.criterion())).isEqualTo(fact.expected());
        assertThat(mcode).isEqualTo(trial);
        int expectedStatus = fact.expected().equals("met") ? 201 : 422;
        assertThat(TrialFixtures.enrol(study, inMcodeShape, ENROLMENT).statusCode()).isEqualTo(expectedStatus);
        assertThat(TrialFixtures.enrol(study, inTrialShape, ENROLMENT).statusCode()).isEqualTo(expectedStatus);
    }

    /** C34.x names a lung cancer of any histology (small cell too): without one it cannot say NSCLC. */
    @Test
    void lungCancerWithoutHistologyIsUnknownAndSaysWhatWouldSettleIt() {
        IhrStudy study = TrialFixtures.newIhrStudy();
        String patient = TrialFixtures.eligiblePatientWithout(WorkUpFact.NSCLC_DIAGNOSIS);
        Condition cancer = primaryCancer(patient, new Coding(ICD10CM, "C34.90",
                "Malignant neoplasm of unspecified part of unspecified bronchus or lung"));
        cancer.getExtension().removeIf(e -> e.getUrl().equals(HISTOLOGY));
        create(cancer);

        ParametersParameterComponent nsclc = criteria(checkEligibility(study, patient)).get("inc-nsclc-confirmed");

        assertThat(part(nsclc, "result")).isEqualTo("unknown");
        assertThat(parts(nsclc, "settledBy")).singleElement().asString()
                .contains("Condition")
                .contains("http://snomed.info/sct|254637007", "http://hl7.org/fhir/sid/icd-10-cm|C34.90")
                .contains(HISTOLOGY)
                .contains("https://isotox.org/fhir/ValueSet/nsclc-histologies");
    }

    @Test
    void everyUnknownCriterionNamesTheRecordThatWouldSettleIt() {
        IhrStudy study = TrialFixtures.newIhrStudy();
        String patient = TrialFixtures.eligiblePatientWithout(WorkUpFact.STAGE_GROUP, WorkUpFact.KARNOFSKY);

        Map<String, ParametersParameterComponent> criteria = criteria(checkEligibility(study, patient));

        assertThat(parts(criteria.get("inc-stage-iii-unresectable"), "settledBy")).singleElement().asString()
                .contains("Observation", "http://loinc.org|21908-9", "http://loinc.org|21902-2",
                        "http://snomed.info/sct|399588009", "https://isotox.org/fhir/ValueSet/stage-iii-groups",
                        "Condition.stage.summary");
        assertThat(parts(criteria.get("inc-karnofsky"), "settledBy")).singleElement().asString()
                .contains("Observation", "http://loinc.org|89243-0", "http://loinc.org|89247-1",
                        "https://isotox.org/fhir/ConceptMap/ecog-to-karnofsky");
        assertThat(parts(criteria.get("inc-age"), "settledBy")).isEmpty();
    }

    private static void trialNsclc(String patient) {
        Condition cancer = new Condition().setSubject(new Reference(patient));
        cancer.getCode().addCoding(new Coding(SNOMED, "254637007", "Non-small cell lung cancer (disorder)"));
        cancer.setOnset(new DateTimeType("2025-11-01"));
        create(cancer);
    }

    private static void trialStage(String patient, String group) {
        create(observation(patient, new Coding(SNOMED, "399537006", "Clinical TNM stage grouping (observable entity)"),
                new CodeableConcept().addCoding(new Coding(TNM, group, "Stage " + group))));
    }

    private static void trialKarnofsky(String patient, int score) {
        create(observation(patient, new Coding(LOINC, "89243-0", "Karnofsky Performance Status score"), new IntegerType(score)));
    }

    private static Observation observation(String patient, Coding code, Type value) {
        Observation observation = new Observation().setStatus(Observation.ObservationStatus.FINAL);
        observation.getCode().addCoding(code);
        observation.setSubject(new Reference(patient));
        observation.setEffective(new DateTimeType("2025-12-15"));
        return observation.setValue(value);
    }

    /** mCODE's NSCLC primary cancer condition, its code replaced when {@code code} is given. */
    private static Condition primaryCancer(String patient, Coding code) {
        Condition condition = fixture(MCODE + "Condition-primary-cancer-condition-nsclc.json", Condition.class);
        condition.setSubject(new Reference(patient)).setAsserter(null);
        if (code != null) {
            condition.getCode().getCoding().clear();
            condition.getCode().addCoding(code);
        }
        // its stage assessment is the IIIC example, not created here; the summary stays
        condition.getStageFirstRep().getAssessment().clear();
        return condition;
    }

    private static Condition withHistology(Condition condition, Coding histology) {
        condition.getExtensionByUrl(HISTOLOGY).setValue(new CodeableConcept().addCoding(histology));
        return condition;
    }

    private static Condition withoutStageAssessment(Condition condition) {
        condition.getStageFirstRep().getAssessment().clear();
        return condition;
    }

    private static void stageGroup(String patient, String path, Coding value, String... members) {
        Observation group = stageGroupResource(patient, path, value);
        group.getHasMember().clear();
        for (String member : members) {
            Observation category = fixture(member, Observation.class);
            category.setSubject(new Reference(patient)).getPerformer().clear();
            category.getFocus().clear();
            group.addHasMember(new Reference("Observation/" + create(category)));
        }
        create(group);
    }

    /** The stage group, about a lung cancer of the patient (the fixture's condition is not created here). */
    private static Observation stageGroupResource(String patient, String path, Coding value) {
        Observation group = fixture(path, Observation.class);
        group.setSubject(new Reference(patient)).getPerformer().clear();
        group.getFocus().clear();
        group.getHasMember().clear();
        if (value != null) {
            group.setValue(new CodeableConcept().addCoding(value));
        }
        return group;
    }

    private static Observation recoded(Observation observation, Coding code) {
        observation.getCode().getCoding().clear();
        observation.getCode().addCoding(code);
        return observation;
    }

    private static Observation performanceStatus(String patient, String file, int score) {
        Observation status = fixture(MCODE + file, Observation.class);
        status.setSubject(new Reference(patient)).getPerformer().clear();
        status.setValue(new IntegerType(score));
        // the example's interpretation names its own score; another score would contradict it
        status.getInterpretation().clear();
        return status;
    }

    private static <T extends Resource> T fixture(String path, Class<T> type) {
        try (InputStream in = StandardShapesEligibilityIT.class.getResourceAsStream(path)) {
            T resource = Fhir.R4.newJsonParser().parseResource(type, in);
            resource.setId((String) null);
            resource.setMeta(null);
            return resource;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Parameters checkEligibility(IhrStudy study, String patient) {
        return parse(fhirRequest()
                .queryParam("patient", patient)
                .queryParam("date", ENROLMENT)
                .get("/" + study.studyReference() + "/$check-eligibility")
                .then()
                .statusCode(200)
                .extract()
                .response(), Parameters.class);
    }

    private static Map<String, String> results(Parameters result) {
        Map<String, String> results = new LinkedHashMap<>();
        criteria(result).forEach((code, criterion) -> results.put(code, part(criterion, "result")));
        return results;
    }

    private static Map<String, ParametersParameterComponent> criteria(Parameters result) {
        Map<String, ParametersParameterComponent> criteria = new LinkedHashMap<>();
        result.getParameter().stream()
                .filter(p -> p.getName().equals("criterion"))
                .forEach(c -> criteria.put(part(c, "code"), c));
        return criteria;
    }

    private static String part(ParametersParameterComponent criterion, String name) {
        return parts(criterion, name).stream().findFirst().orElse(null);
    }

    private static List<String> parts(ParametersParameterComponent criterion, String name) {
        return criterion.getPart().stream()
                .filter(p -> p.getName().equals(name))
                .map(p -> p.getValue().primitiveValue())
                .toList();
    }
}
