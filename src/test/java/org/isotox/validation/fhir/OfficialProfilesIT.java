package org.isotox.validation.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.isotox.testsupport.Fhir.create;
import static org.isotox.testsupport.Fhir.fhirRequest;
import static org.isotox.testsupport.Fhir.outcome;

import io.restassured.response.Response;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.AdverseEvent;
import org.hl7.fhir.r4.model.BodyStructure;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.OperationOutcomeIssueComponent;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.isotox.testsupport.Fhir;
import org.isotox.testsupport.FhirServerTest;
import org.isotox.testsupport.IhrStudy;
import org.isotox.testsupport.TrialFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 24, item 2: the trial profiles derive from the official ones (mCODE STU4, CodeX Radiation Therapy STU2,
 * written in {@code fhir-profiles/ig/}) and add only what the trial's rules need. The guides' own examples
 * ({@code src/test/resources/ig-examples/}, README there), posted for an enrolled subject with their references
 * re-pointed to resources created here, are stored when they carry what the rules read, and refused with 422
 * naming the element when they do not.
 */
@FhirServerTest
class OfficialProfilesIT {

    private static final String IG = "/ig-examples/";
    private static final String NCIT = TrialFixtures.NCIT;
    private static final Pattern REFERENCE = Pattern.compile("\"reference\": \"(\\w+)/[^\"]+\"");

    private static final Coding ESOPHAGITIS = new Coding(NCIT, TrialFixtures.ESOPHAGITIS, "Esophagitis");

    /** Changes a test makes to an example, by name. */
    private static final Map<String, Consumer<Resource>> CHANGES = Map.ofEntries(
            Map.entry("none", r -> {}),
            Map.entry("dated", r -> ((AdverseEvent) r).setDateElement(new DateTimeType("2026-02-10"))),
            Map.entry("dated, event in MedDRA only", r -> {
                AdverseEvent event = (AdverseEvent) r;
                event.setDateElement(new DateTimeType("2026-02-10"));
                event.setEvent(new CodeableConcept().addCoding(new Coding("https://www.meddra.org", "10028813", "Nausea")));
            }),
            Map.entry("dated, no grade", r -> {
                ((AdverseEvent) r).setDateElement(new DateTimeType("2026-02-10"));
                ((AdverseEvent) r).getExtension().removeIf(e -> e.getUrl().endsWith("/ae-grade"));
            }),
            Map.entry("dated, severity as grade", r -> {
                ((AdverseEvent) r).setDateElement(new DateTimeType("2026-02-10"));
                ((AdverseEvent) r).getExtension().stream().filter(e -> e.getUrl().endsWith("/ae-grade")).findFirst().orElseThrow()
                        .setValue(new CodeableConcept().addCoding(new Coding(
                                "http://terminology.hl7.org/CodeSystem/adverse-event-severity", "moderate", "Moderate")));
            }),
            Map.entry("R4 codes", OfficialProfilesIT::withR4Codes),
            Map.entry("R4 codes, event in NCIt", r -> {
                withR4Codes(r);
                // NCIt C143267, the CTCAE v5 term of the same event (CodeX RT STU2 AdverseEventTermVS)
                ((AdverseEvent) r).getEvent().addCoding(new Coding(NCIT, "C143267", "Alanine aminotransferase increased"));
            }),
            Map.entry("no interpretation", OfficialProfilesIT::withoutInterpretation),
            Map.entry("no interpretation, no effective", r -> withoutInterpretation(r).setEffective(null)),
            Map.entry("no interpretation, effective as instant",
                    r -> withoutInterpretation(r).setEffective(new InstantType("2026-01-02T10:00:00Z"))),
            Map.entry("no interpretation, score 85", r -> withoutInterpretation(r).setValue(new IntegerType(85))),
            Map.entry("stopped for esophagitis, its term only", r -> stoppedFor(r, ESOPHAGITIS)),
            // mCODE's termination reason "treatment not tolerated" beside the CTCAE term
            Map.entry("stopped for esophagitis, with mCODE's reason", r -> stoppedFor(r,
                    new Coding("http://snomed.info/sct", "407563006", "Treatment not tolerated"), ESOPHAGITIS)),
            Map.entry("no sessions, completed", r -> withoutSessions(r)),
            Map.entry("no sessions, in progress", r -> withoutSessions(r).setStatus(Procedure.ProcedureStatus.INPROGRESS)));

    private static Map<String, String> targets;

    @BeforeEach
    void targets() {
        if (targets != null) {
            return;
        }
        IhrStudy ihr = TrialFixtures.newIhrStudy();
        String patient = ihr.enrolNewPatient("2026-01-05");
        Reference subject = new Reference(patient);
        Map<String, String> byType = new HashMap<>();
        byType.put("Patient", patient);
        byType.put("ResearchStudy", ihr.studyReference());
        byType.put("Practitioner", "Practitioner/" + create(new Practitioner().addName(new org.hl7.fhir.r4.model.HumanName().setFamily("Anydoc"))));
        byType.put("Condition", "Condition/" + create(new Condition().setSubject(subject).setCode(new CodeableConcept().setText("stand-in"))));
        byType.put("Observation", "Observation/" + create(new Observation().setStatus(Observation.ObservationStatus.FINAL)
                .setCode(new CodeableConcept().setText("stand-in")).setSubject(subject)));
        byType.put("BodyStructure", "BodyStructure/" + create(new BodyStructure().setPatient(subject).setDescription("stand-in")));
        byType.put("ServiceRequest", "ServiceRequest/" + create(new ServiceRequest().setStatus(ServiceRequest.ServiceRequestStatus.ACTIVE)
                .setIntent(ServiceRequest.ServiceRequestIntent.PLAN).setCode(new CodeableConcept().setText("stand-in")).setSubject(subject)));
        byType.put("Procedure", "Procedure/" + create(new Procedure().setStatus(Procedure.ProcedureStatus.COMPLETED).setSubject(subject)));
        byType.put("MedicationAdministration", "MedicationAdministration/" + create(new MedicationAdministration()
                .setStatus(MedicationAdministration.MedicationAdministrationStatus.COMPLETED).setMedication(new CodeableConcept().setText("stand-in")).setSubject(subject)
                .setEffective(new DateTimeType("2026-01-20"))));
        targets = byType;
    }

    @ParameterizedTest(name = "{0}, {1}: {2}")
    @CsvSource(delimiter = ';', value = {
        // mCODE binds interpretation required to a LOINC answer list; without LOINC the server cannot check it
        "mcode/Observation-karnofsky-performance-status-normal-activity.json; none; 422; Observation.interpretation; loinc.org",
        "mcode/Observation-karnofsky-performance-status-normal-activity.json; no interpretation; 201; ;",
        "mcode/Observation-karnofsky-performance-status-normal-activity.json; no interpretation, no effective; 422; Observation; effective",
        "mcode/Observation-karnofsky-performance-status-normal-activity.json; no interpretation, score 85; 422; Observation; iso-kps-1",
        // mCODE allows effective[x] only as dateTime or Period; the trial profile derives from it
        "mcode/Observation-karnofsky-performance-status-normal-activity.json; no interpretation, effective as instant; 422; Observation; effectiveInstant",
        "mcode/Observation-ecog-performance-status-fully-active.json; none; 201; ;",
        "mcode/Condition-primary-cancer-condition-nsclc.json; none; 201; ;",
        "mcode/Observation-tnm-clinical-stage-group-3c.json; none; 201; ;",
        // CodeX RT's example has no date: the stopping rule could not place it in the evaluation window
        "codex-rt/AdverseEvent-RadiotherapyAdverseEvent-XRTS-07-22B.json; none; 422; AdverseEvent; iso-ae-2",
        "codex-rt/AdverseEvent-RadiotherapyAdverseEvent-XRTS-07-22B.json; dated; 201; ;",
        "codex-rt/AdverseEvent-RadiotherapyAdverseEvent-XRTS-07-22B.json; dated, event in MedDRA only; 422; AdverseEvent.event; iso-ae-3",
        "codex-rt/AdverseEvent-RadiotherapyAdverseEvent-XRTS-07-22B.json; dated, no grade; 422; AdverseEvent; iso-ae-1",
        "codex-rt/AdverseEvent-RadiotherapyAdverseEvent-XRTS-07-22B.json; dated, severity as grade; 422; AdverseEvent.extension; ctcae-grades",
        // as the backport guide wrote it: R5 codes in seriousness and outcome (see ig-examples/README.md)
        "ae-research-backport/AdverseEvent-adverse-event-compass-ex1a.json; none; 422; AdverseEvent.outcome; ",
        "ae-research-backport/AdverseEvent-adverse-event-compass-ex1a.json; none; 422; AdverseEvent.seriousness; ",
        "ae-research-backport/AdverseEvent-adverse-event-compass-ex1a.json; R4 codes; 422; AdverseEvent.event; iso-ae-3",
        "ae-research-backport/AdverseEvent-adverse-event-compass-ex1a.json; R4 codes, event in NCIt; 201; ;",
        // the trial's course summary derives from mCODE's: a stop names one of mCODE's termination reasons
        "codex-rt/Procedure-RadiotherapyCourseSummary-XRTS-01-22B-01-Prostate-1P-1V.json; none; 201; ;",
        "codex-rt/Procedure-RadiotherapyCourseSummary-XRTS-01-22B-01-Prostate-1P-1V.json; stopped for esophagitis, its term only; 422; Procedure; termination-reason-code-invariant",
        "codex-rt/Procedure-RadiotherapyCourseSummary-XRTS-01-22B-01-Prostate-1P-1V.json; stopped for esophagitis, with mCODE's reason; 201; ;",
        // a course that is over says how many fractions it gave; a running one may count them on its treated phases
        "codex-rt/Procedure-RadiotherapyCourseSummary-XRTS-01-22B-01-Prostate-1P-1V.json; no sessions, completed; 422; Procedure; isotox-course-1",
        "codex-rt/Procedure-RadiotherapyCourseSummary-XRTS-01-22B-01-Prostate-1P-1V.json; no sessions, in progress; 201; ;",
    })
    void anOfficialExampleForATrialSubject(String file, String change, int status, String expression, String text) {
        Resource resource = example(file);
        CHANGES.get(change).accept(resource);

        Response response = fhirRequest(resource).post("/" + resource.fhirType());

        assertThat(response.statusCode()).as(response.asString()).isEqualTo(status);
        if (status == 422) {
            assertThat(errors(outcome(response))).as(response.asString()).anySatisfy(issue -> {
                assertThat(issue.getExpression()).anySatisfy(e -> assertThat(e.getValue()).startsWith(expression));
                assertThat(issue.getDiagnostics()).contains(text == null ? "" : text);
            });
        }
    }

    /**
     * The official definitions, as written here, accept the guides' own examples (the performance statuses without
     * their LOINC {@code interpretation}, which this server cannot check: {@code fhir-profiles/ig/README.md}).
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "mcode/Observation-karnofsky-performance-status-normal-activity.json",
        "mcode/Observation-ecog-performance-status-fully-active.json",
        "mcode/Condition-primary-cancer-condition-nsclc.json",
        "mcode/Observation-tnm-clinical-stage-group-3c.json",
        "mcode/Observation-tnm-pathologic-stage-group-jenny-m.json",
        "mcode/built-from-profile/Observation-tnm-clinical-stage-group-3a.json",
        "mcode/built-from-profile/Observation-tnm-clinical-stage-group-3b.json",
        "codex-rt/Procedure-RadiotherapyCourseSummary-XRTS-01-22B-01-Prostate-1P-1V.json",
        "codex-rt/Procedure-RadiotherapyCourseSummary-XRTS-01-22B-01-Prostate-1P-1V-1Fx.json",
    })
    void anExampleConformsToItsOfficialProfile(String file) {
        Resource resource = example(file);
        if (resource instanceof Observation observation) {
            observation.getInterpretation().clear();
        }
        // the last one declared: CodeX RT's course summaries declare CodeX's (not written here) then mCODE's
        String profile = resource.getMeta().getProfile().get(resource.getMeta().getProfile().size() - 1).getValue();

        OperationOutcome outcome = outcome(fhirRequest(resource).queryParam("profile", profile)
                .post("/" + resource.fhirType() + "/$validate").then().statusCode(200).extract().response());

        assertThat(errors(outcome)).as(Fhir.json(outcome)).isEmpty();
    }

    /** The example, with its references pointing at resources of this server of the same type. */
    private static Resource example(String file) {
        try (InputStream in = OfficialProfilesIT.class.getResourceAsStream(IG + file)) {
            String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Matcher references = REFERENCE.matcher(json);
            StringBuilder repointed = new StringBuilder();
            while (references.find()) {
                String target = targets.get(references.group(1));
                references.appendReplacement(repointed, target == null
                        ? Matcher.quoteReplacement(references.group())
                        : Matcher.quoteReplacement("\"reference\": \"" + target + "\""));
            }
            references.appendTail(repointed);
            Resource resource = (Resource) Fhir.R4.newJsonParser().parseResource(repointed.toString());
            resource.setId((String) null);
            return resource;
        } catch (IOException e) {
            throw new IllegalStateException(file, e);
        }
    }

    /** The backport example's seriousness and outcome in the R4 code systems (R4 binds outcome required). */
    private static void withR4Codes(Resource resource) {
        AdverseEvent event = (AdverseEvent) resource;
        event.getSeriousness().getCodingFirstRep().setCode("Non-serious");
        // NCIt C49494 "Not recovering/not resolved": R4's adverse-event-outcome "ongoing"
        event.setOutcome(new CodeableConcept().addCoding(
                new Coding("http://terminology.hl7.org/CodeSystem/adverse-event-outcome", "ongoing", "Ongoing")));
    }

    private static void stoppedFor(Resource resource, Coding... reasons) {
        CodeableConcept reason = new CodeableConcept();
        List.of(reasons).forEach(reason::addCoding);
        ((Procedure) resource).setStatus(Procedure.ProcedureStatus.STOPPED).setStatusReason(reason);
    }

    private static Procedure withoutSessions(Resource resource) {
        Procedure summary = (Procedure) resource;
        summary.getExtension().removeIf(e -> e.getUrl().endsWith("/mcode-radiotherapy-sessions"));
        return summary;
    }

    private static Observation withoutInterpretation(Resource resource) {
        Observation observation = (Observation) resource;
        observation.getInterpretation().clear();
        return observation;
    }

    private static List<OperationOutcomeIssueComponent> errors(OperationOutcome outcome) {
        return outcome.getIssue().stream()
                .filter(i -> i.getSeverity() == IssueSeverity.ERROR || i.getSeverity() == IssueSeverity.FATAL)
                .toList();
    }
}
