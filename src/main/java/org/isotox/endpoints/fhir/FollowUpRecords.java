package org.isotox.endpoints.fhir;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.ReferenceOrListParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.param.TokenParam;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Observation.ObservationStatus;
import org.hl7.fhir.r4.model.Patient;
import org.isotox.endpoints.domain.SubjectFollowUp;
import org.isotox.endpoints.domain.SubjectFollowUp.TumourAssessment;
import org.isotox.fhir.Canonicals;
import org.isotox.fhir.FhirDates;
import org.isotox.study.domain.EnrolledSubject;
import org.springframework.stereotype.Component;

/**
 * The follow-up of a study's subjects from the server's records: deaths (Patient.deceased), the
 * last date each patient was seen ({@link LastContacts}), the RECIST time-point responses the
 * server derived, and the withdrawal as the roster has it (ResearchSubject {@code withdrawn}, on
 * its {@code period.end}).
 */
@Component
class FollowUpRecords {

    private static final String TIMEPOINT = "recist-timepoint-response";
    private static final String IN_FIELD = "recist-progression-in-field";
    private static final int PATIENTS_PER_QUERY = 200;

    private final DaoRegistry daoRegistry;
    private final LastContacts lastContacts;

    FollowUpRecords(DaoRegistry daoRegistry, LastContacts lastContacts) {
        this.daoRegistry = daoRegistry;
        this.lastContacts = lastContacts;
    }

    List<SubjectFollowUp> of(List<EnrolledSubject> subjects) {
        List<String> patients = subjects.stream().map(EnrolledSubject::patient).distinct().toList();
        Map<String, Optional<LocalDate>> deaths = deaths(patients);
        Map<String, LocalDate> lastSeen = lastSeen(patients);
        Map<String, List<TumourAssessment>> assessments = assessments(patients);
        return subjects.stream()
                .map(s -> new SubjectFollowUp(
                        s.reference(),
                        s.enrolled(),
                        deaths.containsKey(s.patient())
                                ? deaths.get(s.patient()).or(() -> Optional.of(lastSeen.getOrDefault(s.patient(), s.enrolled())))
                                : Optional.empty(),
                        Optional.ofNullable(lastSeen.get(s.patient())),
                        assessments.getOrDefault(s.patient(), List.of()),
                        s.withdrawn(),
                        s.withdrawalDate()))
                .toList();
    }

    /**
     * The patients who died, with the date when it is recorded (empty: died, date unknown; the
     * death then counts at the last date the patient was seen).
     */
    private Map<String, Optional<LocalDate>> deaths(List<String> patients) {
        Map<String, Optional<LocalDate>> deaths = new HashMap<>();
        TokenOrListParam ids = new TokenOrListParam();
        patients.forEach(p -> ids.add(new TokenParam(new IdType(p).getIdPart())));
        if (patients.isEmpty()) {
            return deaths;
        }
        search(Patient.class, SearchParameterMap.newSynchronous().add("_id", ids)).forEach(resource -> {
            Patient patient = (Patient) resource;
            String reference = "Patient/" + patient.getIdElement().getIdPart();
            if (patient.hasDeceasedDateTimeType()) {
                deaths.put(reference, FhirDates.dayOf(patient.getDeceasedDateTimeType()));
            } else if (patient.getDeceased() instanceof BooleanType dead && dead.booleanValue()) {
                deaths.put(reference, Optional.empty());
            }
        });
        return deaths;
    }

    private Map<String, LocalDate> lastSeen(List<String> patients) {
        Map<String, LocalDate> lastSeen = new HashMap<>();
        for (List<String> group : groups(patients)) {
            lastSeen.putAll(lastContacts.of(group.stream().map(p -> new IdType(p).getIdPart()).toList()));
        }
        return lastSeen;
    }

    private Map<String, List<TumourAssessment>> assessments(List<String> patients) {
        Map<String, List<TumourAssessment>> byPatient = new HashMap<>();
        if (patients.isEmpty()) {
            return byPatient;
        }
        for (List<String> group : groups(patients)) {
            SearchParameterMap query = bySubject(Observation.SP_SUBJECT, group)
                    .add(Observation.SP_CODE, new TokenParam(Canonicals.ISOTOX_CODES, TIMEPOINT));
            search(Observation.class, query).forEach(r -> assess(r, byPatient));
        }
        return byPatient;
    }

    private static void assess(IBaseResource r, Map<String, List<TumourAssessment>> byPatient) {
        Observation timepoint = (Observation) r;
        if (timepoint.getStatus() == ObservationStatus.ENTEREDINERROR || !timepoint.hasEffectiveDateTimeType()) {
            return;
        }
        boolean progression = timepoint.hasValueCodeableConcept()
                && timepoint.getValueCodeableConcept().getCoding().stream().anyMatch(c -> "PD".equals(c.getCode()));
        boolean inField = timepoint.getComponent().stream()
                .anyMatch(c -> c.getCode().getCoding().stream().anyMatch(code -> IN_FIELD.equals(code.getCode()))
                        && c.getValue() instanceof BooleanType flag && flag.booleanValue());
        FhirDates.dayOf(timepoint.getEffectiveDateTimeType()).ifPresent(date -> byPatient
                .computeIfAbsent(timepoint.getSubject().getReference(), k -> new ArrayList<>())
                .add(new TumourAssessment(date, progression, progression && inField)));
    }

    /**
     * Patients in groups small enough that one group's time-point responses (about 17 each over
     * five years) stay far below HAPI's cap on a synchronous search (10 000 by default).
     */
    private static List<List<String>> groups(List<String> patients) {
        List<List<String>> groups = new ArrayList<>();
        for (int from = 0; from < patients.size(); from += PATIENTS_PER_QUERY) {
            groups.add(patients.subList(from, Math.min(patients.size(), from + PATIENTS_PER_QUERY)));
        }
        return groups;
    }

    private static SearchParameterMap bySubject(String parameter, Collection<String> patients) {
        ReferenceOrListParam subjects = new ReferenceOrListParam();
        patients.forEach(p -> subjects.addOr(new ReferenceParam(p)));
        return SearchParameterMap.newSynchronous().add(parameter, subjects);
    }

    private List<IBaseResource> search(Class<? extends IBaseResource> type, SearchParameterMap query) {
        return daoRegistry.getResourceDao(type).search(query, new SystemRequestDetails()).getAllResources();
    }
}
