package org.isotox.bench;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * What the trial's users ask of the server, on the benchmark's data: the searches (a study's
 * subjects with their patients, a subject's pneumonitis gradings since a date, toxicity records by
 * grade, a patient's history) and the trial operations. Subjects are picked at random (seeded).
 */
final class Workload {

    private static final String NCIT = "http://ncicb.nci.nih.gov/xml/owl/EVS/Thesaurus.owl";
    private static final List<String> GRADES_1_TO_3 = List.of("C41338", "C41339", "C41340");

    record Request(String name, Supplier<BenchClient.Answer> call) {}

    private final BenchClient client;
    private final List<BenchStudy> studies;
    private final List<String> patients;
    private final SplittableRandom random = new SplittableRandom(42);

    Workload(BenchClient client, List<BenchStudy> studies) {
        this.client = client;
        this.studies = List.copyOf(studies);
        this.patients = studies.stream().flatMap(s -> s.patients().stream()).toList();
    }

    List<Request> searches() {
        return List.of(
                new Request("subjects of a study with _include", () -> client.get("ResearchSubject?study=ResearchStudy/"
                        + study().studyId() + "&_include=ResearchSubject:individual&_count=50")),
                new Request("a subject's Observations by code and date", () -> client.get("Observation?subject=Patient/"
                        + patient() + "&code=" + encode(NCIT + "|C143767") + "&date=ge2025-01-01")),
                new Request("toxicity records by grade", () -> client.get("Observation?value-concept="
                        + encode(NCIT + "|" + GRADES_1_TO_3.get(next(GRADES_1_TO_3.size()))) + "&_count=50")),
                new Request("_history of a subject", () -> client.get("Patient/" + patient() + "/_history")));
    }

    /** The operations, on the last study loaded (a full IHR study of 30 when the data grew past one). */
    List<Request> operations() {
        BenchStudy study = studies.get(studies.size() - 1);
        String questionnaire = study.questionnaire();
        return List.of(
                new Request("$simon-status", () -> client.get("ResearchStudy/" + study.studyId() + "/$simon-status")),
                new Request("$endpoints", () -> client.get("ResearchStudy/" + study.studyId() + "/$endpoints")),
                new Request("$isotoxic-prescription", () -> client.get("ResearchSubject/" + patientOf(study) + "/$isotoxic-prescription")),
                new Request("$check-eligibility", () -> client.get("ResearchStudy/" + study.studyId()
                        + "/$check-eligibility?patient=Patient/" + patientOf(study))),
                new Request("QuestionnaireResponse/$score", () -> client.post("QuestionnaireResponse/$score", questionnaire)));
    }

    private synchronized int next(int bound) {
        return random.nextInt(bound);
    }

    private BenchStudy study() {
        return studies.get(next(studies.size()));
    }

    private String patient() {
        return patients.get(next(patients.size()));
    }

    private String patientOf(BenchStudy study) {
        return study.patients().get(next(study.patients().size()));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
