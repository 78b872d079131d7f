package org.isotox.registry.fhir;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.ReferenceOrListParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.param.TokenParam;
import java.time.LocalDate;
import java.time.Period;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.ResearchStudy;
import org.hl7.fhir.r4.model.ResearchSubject;
import org.hl7.fhir.r4.model.ResearchSubject.ResearchSubjectStatus;
import org.isotox.endpoints.domain.AnalysisPopulation;
import org.isotox.endpoints.domain.Endpoint;
import org.isotox.endpoints.domain.QuantileEstimate;
import org.isotox.endpoints.domain.SurvivalCurve;
import org.isotox.endpoints.fhir.StudyEndpoints;
import org.isotox.fhir.Canonicals;
import org.isotox.fhir.FhirDates;
import org.isotox.registry.domain.ProtocolSection;
import org.isotox.registry.domain.ProtocolSection.Outcome;
import org.isotox.registry.domain.ResultsAggregation;
import org.isotox.registry.domain.ResultsSection;
import org.isotox.registry.domain.ResultsSection.Group;
import org.isotox.registry.domain.SubjectResult;
import org.isotox.registry.domain.SubjectResult.AdverseEventRecord;
import org.isotox.registry.domain.SubjectResult.Disposition;
import org.isotox.registry.domain.SurvivalSummary;
import org.isotox.simon.domain.SubjectCourse;
import org.isotox.study.fhir.StudyRoster;
import org.isotox.simon.fhir.StudyState;
import org.isotox.simon.fhir.StudyStates;
import org.isotox.toxicity.domain.ToxicityRecord;
import org.isotox.toxicity.fhir.CtcaeGrades;
import org.isotox.toxicity.fhir.PatientToxicity;
import org.isotox.toxicity.fhir.ToxicityRecords;
import org.springframework.stereotype.Component;

/**
 * The results of a trial study from the server's data, for the registry: each enrolled subject's
 * baseline (age at enrolment, sex, last Karnofsky score and clinical stage group on or before
 * enrolment), how it left the study, its CTCAE toxicities, and the protocol's endpoints.
 *
 * <p>How a subject left: death (Patient.deceased, unless after the end of its time on study);
 * withdrawn (ResearchSubject {@code withdrawn}), as lost to follow-up when its
 * {@code withdrawal-reason} extension says {@code lost-to-follow-up}; completed
 * (ResearchSubject {@code off-study}). Any other subject is still on study and has no outcome yet.
 */
@Component
class StudyResults {

    static final String WITHDRAWAL_REASON = Canonicals.structureDefinition("withdrawal-reason");
    static final String LOST_TO_FOLLOW_UP = "lost-to-follow-up";
    private static final String KARNOFSKY = "89243-0";
    private static final String STAGE_GROUP = "399537006";

    private final DaoRegistry daoRegistry;
    private final StudyStates states;
    private final StudyRoster roster;
    private final StudyEndpoints endpoints;
    private final ToxicityRecords toxicities;
    private final CtcaeGrades grades;
    private final ResultsAggregation aggregation = new ResultsAggregation();

    StudyResults(DaoRegistry daoRegistry, StudyStates states, StudyRoster roster, StudyEndpoints endpoints,
            ToxicityRecords toxicities, CtcaeGrades grades) {
        this.daoRegistry = daoRegistry;
        this.states = states;
        this.roster = roster;
        this.endpoints = endpoints;
        this.toxicities = toxicities;
        this.grades = grades;
    }

    /** The results section; empty for a study that is not a trial study or has nobody enrolled. */
    Optional<ResultsSection> of(ResearchStudy study, ProtocolSection protocol, LocalDate asOf) {
        Optional<StudyState> found = states.of(study, asOf);
        if (found.isEmpty() || found.get().courses().isEmpty()) {
            return Optional.empty();
        }
        StudyState state = found.get();
        List<String> patients = state.courses().stream().map(c -> c.subject().patient()).distinct().toList();
        Map<String, ResearchSubject> subjects = roster.subjectsOf(state.reference()).stream()
                .collect(Collectors.toMap(s -> "ResearchSubject/" + s.getIdElement().getIdPart(), Function.identity()));
        Map<String, Patient> patientRecords = patients(patients);
        Map<String, List<Observation>> baseline = baselineObservations(patients);
        Map<String, List<ToxicityRecord>> graded = toxicities.gradedFrom(patients, 1).stream()
                .collect(Collectors.groupingBy(PatientToxicity::patient, Collectors.mapping(PatientToxicity::record, Collectors.toList())));

        List<SubjectResult> results = state.courses().stream()
                .map(course -> subjectResult(state, course, subjects.get(course.subject().reference()),
                        patientRecords.get(course.subject().patient()),
                        baseline.getOrDefault(course.subject().patient(), List.of()),
                        graded.getOrDefault(course.subject().patient(), List.of()), asOf))
                .toList();
        Map<Endpoint, SurvivalCurve> curves = endpoints.survival(state, asOf, AnalysisPopulation.PROTOCOL);
        List<SurvivalSummary> survival = List.of(Endpoint.PFS, Endpoint.OS, Endpoint.TTP, Endpoint.LC).stream()
                .map(e -> summary(e, curves.get(e)))
                .toList();
        return Optional.of(aggregation.results(arm(protocol), results, survival,
                timeFrame(protocol, false), timeFrame(protocol, true)));
    }

    private SubjectResult subjectResult(StudyState state, SubjectCourse course, ResearchSubject subject, Patient patient,
            List<Observation> baseline, List<ToxicityRecord> graded, LocalDate asOf) {
        LocalDate enrolled = course.subject().enrolled();
        Set<String> severe = course.toxicities().stream()
                .filter(r -> !r.date().isBefore(enrolled) && state.protocol().severeToxicity().isSevere(r))
                .map(ToxicityRecord::source)
                .collect(Collectors.toSet());
        List<AdverseEventRecord> events = graded.stream()
                .filter(r -> !r.date().isBefore(enrolled) && !r.date().isAfter(asOf))
                .map(r -> new AdverseEventRecord(
                        grades.rangeOf(new Coding(r.term().system(), r.term().code(), null))
                                .map(CtcaeGrades.GradeRange::term).orElse(r.term().code()),
                        grades.organSystemOf(r.term().code()).orElse("Not classified"),
                        severe.contains(r.source()) || r.grade() >= 4))
                .toList();
        Optional<LocalDate> death = death(patient, asOf);
        return new SubjectResult(
                course.subject().reference(),
                patient.hasBirthDate()
                        ? Optional.of(Period.between(FhirDates.dayOf(patient.getBirthDateElement()).orElseThrow(), enrolled).getYears())
                        : Optional.empty(),
                patient.hasGender() ? patient.getGender().toCode() : null,
                latest(baseline, KARNOFSKY, enrolled).flatMap(StudyResults::integerValue),
                latest(baseline, STAGE_GROUP, enrolled)
                        .filter(Observation::hasValueCodeableConcept)
                        .map(o -> o.getValueCodeableConcept().getCodingFirstRep().getCode()),
                disposition(subject, death),
                death.isPresent(),
                state.progress().firstSevere(course).isPresent(),
                events);
    }

    private static Optional<Disposition> disposition(ResearchSubject subject, Optional<LocalDate> death) {
        Optional<LocalDate> end = subject.getPeriod().hasEnd() ? FhirDates.dayOf(subject.getPeriod().getEndElement()) : Optional.empty();
        if (death.isPresent() && (end.isEmpty() || !death.get().isAfter(end.get()))) {
            return Optional.of(Disposition.DEATH);
        }
        if (subject.getStatus() == ResearchSubjectStatus.WITHDRAWN) {
            boolean lost = subject.getExtensionsByUrl(WITHDRAWAL_REASON).stream()
                    .anyMatch(e -> e.getValue() instanceof CodeType code && LOST_TO_FOLLOW_UP.equals(code.getValue()));
            return Optional.of(lost ? Disposition.LOST_TO_FOLLOW_UP : Disposition.WITHDRAWAL);
        }
        if (subject.getStatus() == ResearchSubjectStatus.OFFSTUDY) {
            return Optional.of(Disposition.COMPLETED);
        }
        return death.map(d -> Disposition.DEATH);
    }

    /** The date of death as of {@code asOf}; a death without a date counts, dated at {@code asOf}. */
    private static Optional<LocalDate> death(Patient patient, LocalDate asOf) {
        if (patient.hasDeceasedDateTimeType()) {
            return FhirDates.dayOf(patient.getDeceasedDateTimeType()).filter(d -> !d.isAfter(asOf));
        }
        return patient.getDeceased() instanceof BooleanType dead && dead.booleanValue() ? Optional.of(asOf) : Optional.empty();
    }

    private static SurvivalSummary summary(Endpoint endpoint, SurvivalCurve curve) {
        QuantileEstimate median = curve.median();
        return new SurvivalSummary(endpoint.name(), curve.subjects(), median.estimate(), median.lower(), median.upper(),
                percentAt(curve, 36), percentAt(curve, 60));
    }

    private static OptionalDouble percentAt(SurvivalCurve curve, int months) {
        return curve.at(months).map(at -> OptionalDouble.of(100 * at.survival())).orElse(OptionalDouble.empty());
    }

    private static Group arm(ProtocolSection protocol) {
        var arms = protocol.armsInterventionsModule();
        if (arms == null || arms.armGroups() == null || arms.armGroups().isEmpty()) {
            return new Group(null, "All participants", null);
        }
        return new Group(null, arms.armGroups().get(0).label(), arms.armGroups().get(0).description());
    }

    /** The time frame registered for the primary outcome, or for the first secondary one. */
    private static String timeFrame(ProtocolSection protocol, boolean primary) {
        var outcomes = protocol.outcomesModule();
        List<Outcome> list = outcomes == null ? null : primary ? outcomes.primaryOutcomes() : outcomes.secondaryOutcomes();
        return list == null ? null : list.stream().map(Outcome::timeFrame).filter(t -> t != null).findFirst().orElse(null);
    }

    private Map<String, Patient> patients(List<String> patients) {
        TokenOrListParam ids = new TokenOrListParam();
        patients.forEach(p -> ids.add(new TokenParam(new IdType(p).getIdPart())));
        return daoRegistry.getResourceDao(Patient.class)
                .search(SearchParameterMap.newSynchronous().add("_id", ids), new SystemRequestDetails())
                .getAllResources().stream().map(Patient.class::cast)
                .collect(Collectors.toMap(p -> "Patient/" + p.getIdElement().getIdPart(), Function.identity()));
    }

    private Map<String, List<Observation>> baselineObservations(List<String> patients) {
        ReferenceOrListParam subjects = new ReferenceOrListParam();
        patients.forEach(p -> subjects.addOr(new ReferenceParam(p)));
        TokenOrListParam codes = new TokenOrListParam()
                .add("http://loinc.org", KARNOFSKY)
                .add("http://snomed.info/sct", STAGE_GROUP);
        Map<String, List<Observation>> byPatient = new HashMap<>();
        daoRegistry.getResourceDao(Observation.class)
                .search(SearchParameterMap.newSynchronous().add(Observation.SP_SUBJECT, subjects).add(Observation.SP_CODE, codes),
                        new SystemRequestDetails())
                .getAllResources()
                .forEach(r -> byPatient.computeIfAbsent(((Observation) r).getSubject().getReference(), k -> new java.util.ArrayList<>())
                        .add((Observation) r));
        return byPatient;
    }

    private static Optional<Observation> latest(List<Observation> observations, String code, LocalDate onOrBefore) {
        return observations.stream()
                .filter(o -> o.getCode().getCoding().stream().anyMatch(c -> code.equals(c.getCode())))
                .filter(o -> o.hasEffectiveDateTimeType())
                .filter(o -> FhirDates.dayOf(o.getEffectiveDateTimeType()).filter(d -> !d.isAfter(onOrBefore)).isPresent())
                .max(Comparator.comparing(o -> FhirDates.dayOf(o.getEffectiveDateTimeType()).orElseThrow()));
    }

    private static Optional<Integer> integerValue(Observation observation) {
        if (observation.getValue() instanceof IntegerType integer) {
            return Optional.ofNullable(integer.getValue());
        }
        if (observation.getValue() instanceof Quantity quantity && quantity.hasValue()) {
            return Optional.of(quantity.getValue().intValue());
        }
        return Optional.empty();
    }
}
