package org.isotox.bench;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.PlanDefinition;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.ResearchStudy;
import org.isotox.cohort.domain.CohortGenerator;
import org.isotox.cohort.domain.CohortSettings;
import org.isotox.cohort.fhir.CohortTarget;
import org.isotox.cohort.fhir.SubjectBundles;
import org.isotox.dose.domain.IsotoxicRules;
import org.isotox.dose.fhir.IsotoxicRulesReader;
import org.isotox.schedule.domain.Schedule;
import org.isotox.schedule.fhir.PlanScheduleReader;
import org.isotox.simon.domain.SimonDesign;
import org.isotox.simon.domain.StudyProtocol;
import org.isotox.simon.fhir.StudyProtocolReader;
import org.isotox.testsupport.Fhir;
import org.isotox.testsupport.TrialFixtures;

/**
 * One copy of the IHR study on the server under test and its generated subjects, each subject's
 * transactions already serialised to JSON, with the number of resources they carry, and the first
 * subject's first questionnaire response (for {@code $score}). Once loaded, a study keeps only its
 * ids ({@link #loaded()}): 10 000 subjects' transactions do not fit a test JVM.
 */
record BenchStudy(String tag, String studyId, long seed, List<String> patients, String questionnaire, List<List<Step>> subjects) {

    /** One transaction, as JSON, and the number of resources in it. */
    record Step(String json, int resources) {}

    int resources() {
        return subjects.stream().flatMap(List::stream).mapToInt(Step::resources).sum();
    }

    /** The study as the workload needs it once its subjects are on the server: without their transactions. */
    BenchStudy loaded() {
        return new BenchStudy(tag, studyId, seed, patients, questionnaire, List.of());
    }

    /** A study loaded by an earlier run, known by its ids only. */
    static BenchStudy loadedEarlier(String tag, String studyId, long seed, int subjects) {
        List<String> patients = IntStream.rangeClosed(1, subjects).mapToObj(n -> CohortTarget.subjectId(idPrefix(tag), n)).toList();
        return new BenchStudy(tag, studyId, seed, patients, null, List.of());
    }

    static final IsotoxicRules IHR_RULES = TrialFixtures.shippedIhrDefinition().getEntry().stream()
            .map(Bundle.BundleEntryComponent::getResource)
            .filter(PlanDefinition.class::isInstance)
            .map(PlanDefinition.class::cast)
            .flatMap(plan -> new IsotoxicRulesReader().read(plan).stream())
            .findFirst()
            .orElseThrow();

    static final Schedule IHR_SCHEDULE = TrialFixtures.shippedIhrDefinition().getEntry().stream()
            .map(Bundle.BundleEntryComponent::getResource)
            .filter(PlanDefinition.class::isInstance)
            .flatMap(plan -> new PlanScheduleReader().read((PlanDefinition) plan).stream())
            .findFirst()
            .orElseThrow();

    static final SimonDesign IHR_DESIGN = TrialFixtures.shippedIhrDefinition().getEntry().stream()
            .map(Bundle.BundleEntryComponent::getResource)
            .filter(ResearchStudy.class::isInstance)
            .flatMap(study -> new StudyProtocolReader().read((ResearchStudy) study).stream())
            .map(StudyProtocol::design)
            .findFirst()
            .orElseThrow();

    /** Creates the study copy {@code tag} on the server and generates {@code subjects} subjects for it. */
    static BenchStudy create(BenchClient client, String tag, long seed, int subjects, LocalDate firstEnrolment, LocalDate asOf) {
        BenchClient.Answer created = client.post("", Fhir.json(TrialFixtures.ihrDefinitionCopy(tag)));
        require(created, "creating study " + tag);
        return generate(client, tag, seed, subjects, firstEnrolment, asOf);
    }

    /** Generates, again, the subjects of the study copy {@code tag} already on the server (the same seed gives the same subjects). */
    static BenchStudy generate(BenchClient client, String tag, long seed, int subjects, LocalDate firstEnrolment, LocalDate asOf) {
        BenchClient.Answer found = client.get("ResearchStudy?identifier=https://clinicaltrials.gov%7CNCT03606291-" + tag
                + "&_include=ResearchStudy:site");
        require(found, "reading study " + tag);
        Bundle bundle = Fhir.R4.newJsonParser().parseResource(Bundle.class, found.body());
        ResearchStudy study = bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                .filter(ResearchStudy.class::isInstance).map(ResearchStudy.class::cast).findFirst().orElseThrow();
        List<String> sites = bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                .filter(Location.class::isInstance).map(Location.class::cast)
                .map(location -> location.getManagingOrganization().getReference())
                .toList();
        String studyId = study.getIdElement().getIdPart();
        CohortTarget target = new CohortTarget(idPrefix(tag), "ResearchStudy/" + studyId, sites);
        SubjectBundles bundles = new SubjectBundles(target);
        var generated = new CohortGenerator(IHR_RULES, IHR_DESIGN, IHR_SCHEDULE, sites.size())
                .generate(new CohortSettings(seed, subjects, firstEnrolment, 21, asOf));
        List<List<Step>> steps = generated.stream()
                .map(subject -> bundles.of(subject).stream().map(b -> new Step(Fhir.json(b), b.getEntry().size())).toList())
                .toList();
        List<String> patients = generated.stream().map(s -> CohortTarget.subjectId(target.idPrefix(), s.number())).toList();
        return new BenchStudy(tag, studyId, seed, patients, firstQuestionnaire(steps), steps);
    }

    private static String idPrefix(String tag) {
        return "b" + tag;
    }

    private static String firstQuestionnaire(List<List<Step>> subjects) {
        return subjects.get(0).stream()
                .map(step -> Fhir.R4.newJsonParser().parseResource(Bundle.class, step.json()))
                .flatMap(bundle -> bundle.getEntry().stream())
                .map(Bundle.BundleEntryComponent::getResource)
                .filter(QuestionnaireResponse.class::isInstance)
                .map(Fhir::json)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("the first subject has no questionnaire"));
    }

    static void require(BenchClient.Answer answer, String what) {
        if (!answer.ok()) {
            throw new IllegalStateException(what + ": HTTP " + answer.status() + " " + answer.body());
        }
    }
}
