package org.isotox.registry.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.isotox.testsupport.Fhir.fhirRequest;
import static org.isotox.testsupport.Fhir.parse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.OperationOutcomeIssueComponent;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.ResearchStudy;
import org.hl7.fhir.r4.model.ResearchSubject;
import org.hl7.fhir.r4.model.ResearchSubject.ResearchSubjectStatus;
import org.isotox.testsupport.Fhir;
import org.isotox.testsupport.FhirServerTest;
import org.isotox.testsupport.IhrStudy;
import org.isotox.testsupport.TrialFixtures;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Registry sync over HTTP. Imports use the NCT03606291 fixture under fresh NCT numbers: the IHR study
 * the server loaded is shared with other tests (which enrol into it and expect it unchanged).
 */
@FhirServerTest
class CtgovIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FIXTURE_NCT = "NCT03606291";

    @Nested
    class Import {

        @Test
        void createsTheStudyWithItsSitesArmsAndOutcomes() {
            String nct = freshNct();

            ResearchStudy study = parse(importRecord(fixture(nct)).then().statusCode(200).extract().response(), ResearchStudy.class);

            assertThat(study.getIdentifier()).anyMatch(i -> "https://clinicaltrials.gov".equals(i.getSystem()) && nct.equals(i.getValue()));
            assertThat(study.getTitle()).isEqualTo("A Phase II Open-Label Multi-center Trial of Isotoxic Hypofractionated Radiotherapy for NSCLC");
            assertThat(study.getStatus()).isEqualTo(ResearchStudy.ResearchStudyStatus.ACTIVE);
            assertThat(study.getPhase().getCodingFirstRep().getCode()).isEqualTo("phase-2");
            assertThat(study.getArm()).singleElement().satisfies(arm -> {
                assertThat(arm.getName()).isEqualTo("isotoxic-hypofractionated-rt");
                assertThat(arm.getType().getCodingFirstRep().getCode()).isEqualTo("experimental");
            });
            assertThat(study.getObjective()).hasSize(5);
            assertThat(study.getSite()).hasSize(3).allMatch(site -> site.getReference().startsWith("Location/"));
            assertThat(study.getSponsor().getDisplay()).isEqualTo("The Second Hospital of Hebei Medical University");
            assertThat(study.getExtensionByUrl(KeptRegistration.REGISTRATION)).isNotNull();
            assertThat(Fhir.count("ResearchStudy", "identifier=https://clinicaltrials.gov|" + nct)).isEqualTo(1);
        }

        @Test
        void twiceChangesNothing() {
            String nct = freshNct();
            ResearchStudy first = parse(importRecord(fixture(nct)).then().statusCode(200).extract().response(), ResearchStudy.class);
            int locations = Fhir.count("Location", "identifier=" + RegistrationImport.SITE_SYSTEM + "|");

            ResearchStudy second = parse(importRecord(fixture(nct)).then().statusCode(200).extract().response(), ResearchStudy.class);

            assertThat(second.getIdElement().getIdPart()).isEqualTo(first.getIdElement().getIdPart());
            assertThat(second.getMeta().getVersionId()).isEqualTo(first.getMeta().getVersionId());
            assertThat(Fhir.count("Location", "identifier=" + RegistrationImport.SITE_SYSTEM + "|")).isEqualTo(locations);
            assertThat(second.getSite()).extracting(r -> r.getReference())
                    .containsExactlyElementsOf(first.getSite().stream().map(r -> r.getReference()).toList());
        }

        @Test
        void ofAnotherNctNeverTouchesThisStudy() {
            ResearchStudy one = parse(importRecord(fixture(freshNct())).then().statusCode(200).extract().response(), ResearchStudy.class);

            ResearchStudy other = parse(importRecord(withStatus(fixture(freshNct()), "SUSPENDED"))
                    .then().statusCode(200).extract().response(), ResearchStudy.class);

            assertThat(other.getIdElement().getIdPart()).isNotEqualTo(one.getIdElement().getIdPart());
            ResearchStudy reread = read(one.getIdElement().getIdPart());
            assertThat(reread.getMeta().getVersionId()).isEqualTo(one.getMeta().getVersionId());
            assertThat(reread.getStatus()).isEqualTo(ResearchStudy.ResearchStudyStatus.ACTIVE);
        }

        /** A copy of the IHR study stands in for it: the shipped one must stay at version 1 for other tests. */
        @Test
        void intoAnExistingTrialStudyUpdatesItInPlaceAndKeepsItsRulesAndSites() {
            IhrStudy ihr = TrialFixtures.newIhrStudy();
            String nct = giveRegistryNumber(ihr);

            ResearchStudy imported = parse(importRecord(fixture(nct)).then().statusCode(200).extract().response(), ResearchStudy.class);
            ResearchStudy again = parse(importRecord(fixture(nct)).then().statusCode(200).extract().response(), ResearchStudy.class);

            assertThat(imported.getIdElement().getIdPart()).isEqualTo(ihr.study().getIdElement().getIdPart());
            assertThat(imported.getStatus()).isEqualTo(ResearchStudy.ResearchStudyStatus.ACTIVE);
            assertThat(imported.getExtensionByUrl("https://isotox.org/fhir/StructureDefinition/simon-two-stage-design")).isNotNull();
            assertThat(imported.getExtensionsByUrl("https://isotox.org/fhir/StructureDefinition/severe-toxicity-criterion")).hasSize(3);
            assertThat(imported.getProtocol()).isNotEmpty();
            assertThat(imported.getEnrollment()).isNotEmpty();
            assertThat(imported.getSite()).extracting(r -> r.getReference())
                    .containsExactlyElementsOf(ihr.study().getSite().stream().map(r -> r.getReference()).toList());
            assertThat(imported.getSponsor().getReference()).isEqualTo(ihr.study().getSponsor().getReference());
            assertThat(again.getMeta().getVersionId()).isEqualTo(imported.getMeta().getVersionId());
        }

        @ParameterizedTest
        @CsvSource({
            "not json at all, body",
            "'{\"protocolSection\":{\"identificationModule\":{\"briefTitle\":\"x\"},\"statusModule\":{\"overallStatus\":\"RECRUITING\"}}}', protocolSection.identificationModule.nctId",
            "'{\"protocolSection\":{\"identificationModule\":{\"nctId\":\"NCT123\",\"briefTitle\":\"x\"},\"statusModule\":{\"overallStatus\":\"RECRUITING\"}}}', protocolSection.identificationModule.nctId",
            "'{\"protocolSection\":{\"identificationModule\":{\"nctId\":\"NCT99999999\",\"briefTitle\":\"x\"},\"statusModule\":{\"overallStatus\":\"ON_HOLD\"}}}', protocolSection.statusModule.overallStatus",
            "'{\"protocolSection\":{\"identificationModule\":{\"nctId\":\"NCT99999999\",\"briefTitle\":\"x\"},\"statusModule\":{\"overallStatus\":\"RECRUITING\"},\"armsInterventionsModule\":{\"armGroups\":{\"label\":\"a\"}}}}', protocolSection.armsInterventionsModule.armGroups",
            "'{\"protocolSection\":{\"identificationModule\":{\"nctId\":\"NCT99999999\",\"briefTitle\":\"x\"}}}', protocolSection.statusModule.overallStatus",
        })
        void refusesABadRecordNamingWhatIsWrongAndStoresNothing(String body, String expression) {
            OperationOutcome outcome = Fhir.outcome(importRecord(body).then().statusCode(400).extract().response());

            assertThat(outcome.getIssueFirstRep().getExpression()).extracting(e -> e.getValue()).containsExactly(expression);
            assertThat(Fhir.count("ResearchStudy", "identifier=https://clinicaltrials.gov|NCT99999999")).isZero();
        }
    }

    @Nested
    class Export {

        @Test
        void givesBackTheImportedRegistration() throws IOException {
            String nct = freshNct();
            String id = parse(importRecord(fixture(nct)).then().statusCode(200).extract().response(), ResearchStudy.class)
                    .getIdElement().getIdPart();

            Response response = export(id, 200);

            assertThat(response.getContentType()).startsWith("application/json");
            JsonNode exported = JSON.readTree(response.asString());
            JsonNode imported = JSON.readTree(fixture(nct));
            for (String module : List.of("identificationModule", "statusModule", "sponsorCollaboratorsModule", "descriptionModule",
                    "conditionsModule", "designModule", "armsInterventionsModule", "outcomesModule", "eligibilityModule",
                    "contactsLocationsModule")) {
                assertThat(exported.at("/protocolSection/" + module)).as(module).isEqualTo(imported.at("/protocolSection/" + module));
            }
            assertThat(exported.has("resultsSection")).as("not a trial study: no results").isFalse();
        }

        @ParameterizedTest
        @CsvSource({
            "NOT_YET_RECRUITING, approved",
            "RECRUITING, active",
            "ACTIVE_NOT_RECRUITING, closed-to-accrual",
            "SUSPENDED, temporarily-closed-to-accrual",
            "TERMINATED, administratively-completed",
            "COMPLETED, completed",
            "WITHDRAWN, withdrawn",
        })
        void statusRoundTrips(String registryStatus, String fhirStatus) throws IOException {
            String nct = freshNct();
            importRecord(fixture(nct)).then().statusCode(200);

            ResearchStudy changed = parse(importRecord(withStatus(fixture(nct), registryStatus))
                    .then().statusCode(200).extract().response(), ResearchStudy.class);

            assertThat(changed.getStatus().toCode()).isEqualTo(fhirStatus);
            String id = changed.getIdElement().getIdPart();
            assertThat(JSON.readTree(export(id, 200).asString()).at("/protocolSection/statusModule/overallStatus").asText())
                    .isEqualTo(registryStatus);
        }

        @Test
        void statusChangedOnTheServerIsExported() throws IOException {
            ResearchStudy study = parse(importRecord(fixture(freshNct())).then().statusCode(200).extract().response(), ResearchStudy.class);
            study.setStatus(ResearchStudy.ResearchStudyStatus.CLOSEDTOACCRUAL);
            fhirRequest(study).put("/ResearchStudy/" + study.getIdElement().getIdPart()).then().statusCode(200);

            JsonNode exported = JSON.readTree(export(study.getIdElement().getIdPart(), 200).asString());

            assertThat(exported.at("/protocolSection/statusModule/overallStatus").asText()).isEqualTo("ACTIVE_NOT_RECRUITING");
        }

        @Test
        void ofAnUnknownStudyIsNotFound() {
            fhirRequest().get("/ResearchStudy/does-not-exist/$ctgov-export").then().statusCode(404);
        }
    }

    /**
     * A completed synthetic study of 6 subjects enrolled on 2026-01-05, with hand-computed results:
     * S1 (born 1950-01-05, 76 at enrolment) completed; S2 (female, born 1970-06-01, 55) withdrew;
     * S3 (female) was lost to follow-up; S4 had grade 3 pneumonitis on 2026-03-01 and died on 2026-05-01;
     * S5 completed with grade 2 esophagitis and grade 2 pneumonitis; S6 completed with grade 4
     * esophagitis. The others are 67-year-old men; all have Karnofsky 70 and stage IIIB.
     */
    @Nested
    class Results {

        @Test
        void ofACompletedStudyCountEveryParticipantAndPassTheRules() throws IOException {
            IhrStudy ihr = TrialFixtures.newIhrStudy();
            String nct = register(ihr);
            String[] patients = new String[7];
            ResearchSubject[] subjects = new ResearchSubject[7];
            for (int i = 1; i <= 6; i++) {
                patients[i] = TrialFixtures.eligiblePatient();
            }
            changePatient(patients[1], p -> p.setBirthDateElement(new DateType("1950-01-05")));
            changePatient(patients[2], p -> p.setGender(AdministrativeGender.FEMALE).setBirthDateElement(new DateType("1970-06-01")));
            changePatient(patients[3], p -> p.setGender(AdministrativeGender.FEMALE));
            for (int i = 1; i <= 6; i++) {
                subjects[i] = parse(TrialFixtures.enrol(ihr, patients[i], "2026-01-05").then().statusCode(201).extract().response(),
                        ResearchSubject.class);
            }
            TrialFixtures.recordToxicity(patients[4], TrialFixtures.PNEUMONITIS, TrialFixtures.GRADE_3, "2026-03-01", 0);
            TrialFixtures.recordToxicity(patients[5], TrialFixtures.ESOPHAGITIS, TrialFixtures.GRADE_2, "2026-02-10", 0);
            TrialFixtures.recordToxicity(patients[5], TrialFixtures.PNEUMONITIS, TrialFixtures.GRADE_2, "2026-03-10", 0);
            TrialFixtures.recordToxicity(patients[6], TrialFixtures.ESOPHAGITIS, TrialFixtures.GRADE_4, "2026-02-15", 0);
            changePatient(patients[4], p -> p.setDeceased(new DateTimeType("2026-05-01")));
            leave(subjects[1], ResearchSubjectStatus.OFFSTUDY, null);
            leave(subjects[2], ResearchSubjectStatus.WITHDRAWN, null);
            leave(subjects[3], ResearchSubjectStatus.WITHDRAWN, StudyResults.LOST_TO_FOLLOW_UP);
            leave(subjects[5], ResearchSubjectStatus.OFFSTUDY, null);
            leave(subjects[6], ResearchSubjectStatus.OFFSTUDY, null);
            importRecord(withStatus(fixture(nct), "COMPLETED")).then().statusCode(200);

            JsonNode results = JSON.readTree(export(ihr.study().getIdElement().getIdPart(), 200).asString()).get("resultsSection");

            JsonNode period = results.at("/participantFlowModule/periods/0");
            assertThat(milestone(period, "STARTED")).isEqualTo(6);
            assertThat(milestone(period, "COMPLETED")).isEqualTo(3);
            assertThat(milestone(period, "NOT COMPLETED")).isEqualTo(3);
            assertThat(reason(period, "Withdrawal by Subject")).isEqualTo(1);
            assertThat(reason(period, "Lost to Follow-up")).isEqualTo(1);
            assertThat(reason(period, "Death")).isEqualTo(1);

            JsonNode baseline = results.get("baselineCharacteristicsModule");
            assertThat(baseline.at("/denoms/0/counts/0/value").asInt()).isEqualTo(6);
            JsonNode age = measure(baseline, "Age, Continuous").at("/classes/0/categories/0/measurements/0");
            assertThat(List.of(age.get("value").asText(), age.get("lowerLimit").asText(), age.get("upperLimit").asText()))
                    .containsExactly("67", "55", "76");
            assertThat(category(measure(baseline, "Sex: Female, Male"), "Female")).isEqualTo("2");
            assertThat(category(measure(baseline, "Sex: Female, Male"), "Male")).isEqualTo("4");
            assertThat(measure(baseline, "Karnofsky performance status").at("/classes/0/categories/0/measurements/0/value").asText())
                    .isEqualTo("70");
            assertThat(category(measure(baseline, "Clinical stage (AJCC 8th edition)"), "IIIB")).isEqualTo("6");

            JsonNode outcomes = results.at("/outcomeMeasuresModule/outcomeMeasures");
            JsonNode primary = outcomes.get(0);
            assertThat(primary.get("type").asText()).isEqualTo("PRIMARY");
            assertThat(primary.at("/denoms/0/counts/0/value").asInt()).isEqualTo(6);
            assertThat(primary.at("/classes/0/categories/0/measurements/0/value").asText()).isEqualTo("2");
            JsonNode os = outcome(outcomes, "Overall survival (OS)");
            assertThat(os.at("/denoms/0/counts/0/value").asInt()).as("withdrawn and lost subjects are not analysed").isEqualTo(4);
            // S1 is not seen after enrolment, S5 and S6 last on their toxicity assessments (days 64 and 41): at S4's
            // death on day 116 (3.81 months of 30.4375 days) S4 alone is at risk and survival falls to 0
            assertThat(os.at("/classes/0/categories/0/measurements/0/value").asText()).isEqualTo("3.81");
            assertThat(outcome(outcomes, "Local control (LC) at 3 and 5 years").at("/classes/0/title").asText()).isEqualTo("3 years");

            JsonNode events = results.get("adverseEventsModule");
            JsonNode group = events.at("/eventGroups/0");
            assertThat(List.of(group.get("deathsNumAffected").asInt(), group.get("seriousNumAffected").asInt(),
                    group.get("otherNumAffected").asInt(), group.get("seriousNumAtRisk").asInt())).containsExactly(1, 2, 1, 6);
            assertThat(terms(events.get("seriousEvents"))).containsExactly(
                    "Esophagitis|Gastrointestinal disorders|1/6", "Pneumonitis|Respiratory, thoracic and mediastinal disorders|1/6");
            assertThat(terms(events.get("otherEvents"))).containsExactly(
                    "Esophagitis|Gastrointestinal disorders|1/6", "Pneumonitis|Respiratory, thoracic and mediastinal disorders|1/6");
            assertThat(events.at("/seriousEvents/0/sourceVocabulary").asText()).isEqualTo("CTCAE (5.0)");
        }

        @Test
        void ofASubjectWithoutAnOutcomeIsRefusedNamingTheCounts() {
            IhrStudy ihr = TrialFixtures.newIhrStudy();
            String nct = register(ihr);
            ihr.enrolNewPatient("2026-01-05");
            importRecord(withStatus(fixture(nct), "COMPLETED")).then().statusCode(200);

            OperationOutcome outcome = Fhir.outcome(export(ihr.study().getIdElement().getIdPart(), 422));

            assertThat(outcome.getIssue()).extracting(OperationOutcomeIssueComponent::getExpression)
                    .extracting(e -> e.get(0).getValue())
                    .containsExactly("resultsSection.participantFlowModule.periods[0].milestones");
            assertThat(outcome.getIssueFirstRep().getDiagnostics()).contains("1 started but 0 completed and 0 not completed");
        }
    }

    private static Response importRecord(String body) {
        return fhirRequest().contentType("application/json").body(body).post("/ResearchStudy/$import-ctgov");
    }

    private static Response export(String id, int status) {
        return fhirRequest().get("/ResearchStudy/" + id + "/$ctgov-export?asOf=2026-11-01")
                .then().statusCode(status).extract().response();
    }

    private static String fixture(String nct) {
        try (InputStream in = CtgovIT.class.getResourceAsStream("/ctgov/NCT03606291.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace(FIXTURE_NCT, nct);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String withStatus(String record, String overallStatus) {
        return record.replace("\"overallStatus\": \"RECRUITING\"", "\"overallStatus\": \"" + overallStatus + "\"");
    }

    /** An NCT number no other test uses: 9 and seven random digits (the registry's numbers start with 0). */
    private static String freshNct() {
        return "NCT9" + String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000));
    }

    /** Gives a copy of the IHR study its own registry number and imports its registration; returns the number. */
    private static String register(IhrStudy ihr) {
        String nct = giveRegistryNumber(ihr);
        importRecord(fixture(nct)).then().statusCode(200);
        return nct;
    }

    /** Gives a copy of the IHR study (registered as NCT03606291-xxxx) a number of its own, as NCT numbers are. */
    private static String giveRegistryNumber(IhrStudy ihr) {
        String nct = freshNct();
        ResearchStudy study = read(ihr.study().getIdElement().getIdPart());
        study.getIdentifier().stream().filter(i -> "https://clinicaltrials.gov".equals(i.getSystem())).forEach(i -> i.setValue(nct));
        fhirRequest(study).put("/ResearchStudy/" + study.getIdElement().getIdPart()).then().statusCode(200);
        return nct;
    }

    private static ResearchStudy read(String id) {
        return parse(fhirRequest().get("/ResearchStudy/" + id).then().statusCode(200).extract().response(), ResearchStudy.class);
    }

    private static void changePatient(String patient, java.util.function.Consumer<Patient> change) {
        Patient record = parse(fhirRequest().get("/" + patient).then().statusCode(200).extract().response(), Patient.class);
        change.accept(record);
        fhirRequest(record).put("/" + patient).then().statusCode(200);
    }

    private static void leave(ResearchSubject subject, ResearchSubjectStatus status, String reason) {
        String path = "/ResearchSubject/" + subject.getIdElement().getIdPart();
        ResearchSubject current = parse(fhirRequest().get(path).then().statusCode(200).extract().response(), ResearchSubject.class);
        current.setStatus(status);
        current.getPeriod().setEndElement(new DateTimeType("2026-10-01"));
        if (reason != null) {
            current.addExtension(StudyResults.WITHDRAWAL_REASON, new CodeType(reason));
        }
        fhirRequest(current).put(path).then().statusCode(200);
    }

    private static int milestone(JsonNode period, String type) {
        for (JsonNode milestone : period.get("milestones")) {
            if (milestone.get("type").asText().equals(type)) {
                return milestone.at("/achievements/0/numSubjects").asInt();
            }
        }
        throw new AssertionError("no milestone " + type);
    }

    private static int reason(JsonNode period, String type) {
        for (JsonNode drop : period.get("dropWithdraws")) {
            if (drop.get("type").asText().equals(type)) {
                return drop.at("/reasons/0/numSubjects").asInt();
            }
        }
        throw new AssertionError("no reason " + type);
    }

    private static JsonNode measure(JsonNode module, String title) {
        return named(module.get("measures"), title);
    }

    private static JsonNode outcome(JsonNode outcomes, String title) {
        return named(outcomes, title);
    }

    private static JsonNode named(JsonNode array, String title) {
        for (JsonNode item : array) {
            if (item.get("title").asText().equals(title)) {
                return item;
            }
        }
        throw new AssertionError("nothing titled " + title);
    }

    private static String category(JsonNode measure, String title) {
        for (JsonNode category : measure.at("/classes/0/categories")) {
            if (category.get("title").asText().equals(title)) {
                return category.at("/measurements/0/value").asText();
            }
        }
        throw new AssertionError("no category " + title);
    }

    private static List<String> terms(JsonNode events) {
        List<String> terms = new java.util.ArrayList<>();
        events.forEach(e -> terms.add(e.get("term").asText() + "|" + e.get("organSystem").asText() + "|"
                + e.at("/stats/0/numAffected").asInt() + "/" + e.at("/stats/0/numAtRisk").asInt()));
        return terms;
    }
}
