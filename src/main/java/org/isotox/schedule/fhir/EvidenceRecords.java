package org.isotox.schedule.fhir;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirResourceDao;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.DiagnosticReport.DiagnosticReportStatus;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Encounter.EncounterStatus;
import org.hl7.fhir.r4.model.ImagingStudy;
import org.hl7.fhir.r4.model.ImagingStudy.ImagingStudyStatus;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Observation.ObservationStatus;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseStatus;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.isotox.fhir.Canonicals;
import org.isotox.fhir.FhirDates;
import org.isotox.schedule.domain.EvidenceRecord;
import org.isotox.toxicity.fhir.ToxicityRecords;
import org.springframework.stereotype.Component;

/**
 * The records that show a scheduled activity was done, and which activity codes each kind fulfils:
 * <ul>
 *   <li>a finished Encounter (dated by {@code period.start}): {@code follow-up-visit};
 *   <li>a completed or amended QuestionnaireResponse of the EORTC QLQ-C30 or QLQ-LC13 (the
 *       questionnaire canonical ends in {@code /Questionnaire/eortc-qlq-c30} or
 *       {@code /Questionnaire/eortc-qlq-lc13}; dated by {@code authored}): {@code qol-assessment};
 *   <li>a final, amended or corrected RECIST lesion measurement or time-point response Observation
 *       ({@code isotox#recist-lesion-measurement}, {@code isotox#recist-timepoint-response}; dated
 *       by {@code effectiveDateTime}): {@code response-ct};
 *   <li>an available ImagingStudy ({@code started}) or a final, amended, corrected or appended
 *       imaging DiagnosticReport (category radiology, CT, MR or nuclear medicine; dated by
 *       {@code effective[x]}): {@code response-ct} and {@code imaging} (the server cannot tell a
 *       chest CT from a bone scan);
 *   <li>a CTCAE toxicity grading of the patient (grade 0 included): {@code toxicity-assessment}.
 * </ul>
 * A record must be dated to the day and about the patient ({@code subject}).
 */
@Component
class EvidenceRecords {

    static final String FOLLOW_UP_VISIT = "follow-up-visit";
    static final String QOL_ASSESSMENT = "qol-assessment";
    static final String RESPONSE_CT = "response-ct";
    static final String IMAGING = "imaging";
    static final String TOXICITY_ASSESSMENT = "toxicity-assessment";

    private static final Set<String> EORTC_QUESTIONNAIRES = Set.of("/Questionnaire/eortc-qlq-c30", "/Questionnaire/eortc-qlq-lc13");
    private static final Set<String> RECIST_CODES = Set.of("recist-lesion-measurement", "recist-timepoint-response");
    private static final String DIAGNOSTIC_SERVICE = "http://terminology.hl7.org/CodeSystem/v2-0074";
    private static final Set<String> IMAGING_SERVICES = Set.of("RAD", "CT", "NMR", "NMS");
    private static final String LOINC_RADIOLOGY = "LP29684-5";

    private final DaoRegistry daoRegistry;
    private final ToxicityRecords toxicities;

    EvidenceRecords(DaoRegistry daoRegistry, ToxicityRecords toxicities) {
        this.daoRegistry = daoRegistry;
        this.toxicities = toxicities;
    }

    /** A patient's record as evidence of scheduled activities, with the patient it is about. */
    record PatientEvidence(String patient, EvidenceRecord record) {}

    /** What {@code resource} is evidence of, if it is evidence at all. */
    Optional<PatientEvidence> of(IBaseResource resource) {
        if (resource instanceof Encounter encounter && encounter.getStatus() == EncounterStatus.FINISHED) {
            return evidence(encounter, encounter.getSubject(), encounter.getPeriod().getStartElement(), FOLLOW_UP_VISIT);
        }
        if (resource instanceof QuestionnaireResponse answers && isEortcQuestionnaire(answers)
                && (answers.getStatus() == QuestionnaireResponseStatus.COMPLETED
                        || answers.getStatus() == QuestionnaireResponseStatus.AMENDED)) {
            return evidence(answers, answers.getSubject(), answers.getAuthoredElement(), QOL_ASSESSMENT);
        }
        if (resource instanceof Observation observation) {
            return observation(observation);
        }
        if (resource instanceof ImagingStudy study && study.getStatus() == ImagingStudyStatus.AVAILABLE) {
            return evidence(study, study.getSubject(), study.getStartedElement(), RESPONSE_CT, IMAGING);
        }
        if (resource instanceof DiagnosticReport report && isImagingReport(report)) {
            BaseDateTimeType date = report.hasEffectivePeriod()
                    ? report.getEffectivePeriod().getStartElement()
                    : report.hasEffectiveDateTimeType() ? report.getEffectiveDateTimeType() : null;
            return evidence(report, report.getSubject(), date, RESPONSE_CT, IMAGING);
        }
        return Optional.empty();
    }

    /** Everything stored for the patient that is evidence of scheduled activities. */
    List<EvidenceRecord> storedOf(String patient) {
        TokenOrListParam recistOrToxicity = new TokenOrListParam();
        RECIST_CODES.forEach(code -> recistOrToxicity.add(Canonicals.ISOTOX_CODES, code));
        recistOrToxicity.add(Canonicals.NCIT, null);
        return Stream.of(
                        search(Encounter.class, Encounter.SP_SUBJECT, patient, null),
                        search(QuestionnaireResponse.class, QuestionnaireResponse.SP_SUBJECT, patient, null),
                        search(Observation.class, Observation.SP_SUBJECT, patient, recistOrToxicity),
                        search(ImagingStudy.class, ImagingStudy.SP_SUBJECT, patient, null),
                        search(DiagnosticReport.class, DiagnosticReport.SP_SUBJECT, patient, null))
                .flatMap(List::stream)
                .map(this::of)
                .flatMap(Optional::stream)
                .map(PatientEvidence::record)
                .toList();
    }

    private Optional<PatientEvidence> observation(Observation observation) {
        boolean recist = observation.getCode().getCoding().stream()
                .anyMatch(c -> Canonicals.ISOTOX_CODES.equals(c.getSystem()) && RECIST_CODES.contains(c.getCode()));
        if (recist) {
            boolean reported = observation.getStatus() == ObservationStatus.FINAL
                    || observation.getStatus() == ObservationStatus.AMENDED
                    || observation.getStatus() == ObservationStatus.CORRECTED;
            return reported && observation.hasEffectiveDateTimeType()
                    ? evidence(observation, observation.getSubject(), observation.getEffectiveDateTimeType(), RESPONSE_CT)
                    : Optional.empty();
        }
        return toxicities.recordOf(observation).map(t -> new PatientEvidence(t.patient(),
                new EvidenceRecord(t.record().source(), t.record().date(), Set.of(TOXICITY_ASSESSMENT))));
    }

    private static boolean isEortcQuestionnaire(QuestionnaireResponse answers) {
        String canonical = answers.getQuestionnaire();
        if (canonical == null) {
            return false;
        }
        String unversioned = canonical.split("\\|", 2)[0];
        return EORTC_QUESTIONNAIRES.stream().anyMatch(unversioned::endsWith);
    }

    private static boolean isImagingReport(DiagnosticReport report) {
        boolean reported = report.getStatus() == DiagnosticReportStatus.FINAL
                || report.getStatus() == DiagnosticReportStatus.AMENDED
                || report.getStatus() == DiagnosticReportStatus.CORRECTED
                || report.getStatus() == DiagnosticReportStatus.APPENDED;
        return reported && report.getCategory().stream().flatMap(c -> c.getCoding().stream())
                .anyMatch(c -> (DIAGNOSTIC_SERVICE.equals(c.getSystem()) && IMAGING_SERVICES.contains(c.getCode()))
                        || LOINC_RADIOLOGY.equals(c.getCode()) && "http://loinc.org".equals(c.getSystem()));
    }

    private static Optional<PatientEvidence> evidence(
            Resource resource, Reference subject, BaseDateTimeType date, String... fulfils) {
        Optional<LocalDate> day = FhirDates.preciseDay(date);
        if (day.isEmpty() || !subject.hasReference() || !"Patient".equals(subject.getReferenceElement().getResourceType())) {
            return Optional.empty();
        }
        String source = resource.fhirType() + "/" + resource.getIdElement().getIdPart();
        return Optional.of(new PatientEvidence(
                "Patient/" + subject.getReferenceElement().getIdPart(), new EvidenceRecord(source, day.get(), Set.of(fulfils))));
    }

    private <T extends IBaseResource> List<IBaseResource> search(
            Class<T> type, String subjectParameter, String patient, TokenOrListParam codes) {
        SearchParameterMap query = SearchParameterMap.newSynchronous().add(subjectParameter, new ReferenceParam(patient));
        if (codes != null) {
            query.add(Observation.SP_CODE, codes);
        }
        IFhirResourceDao<T> dao = daoRegistry.getResourceDao(type);
        return dao.search(query, new SystemRequestDetails()).getAllResources();
    }
}
