package org.isotox.toxicity.fhir;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.ReferenceOrListParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import java.util.Collection;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.AdverseEvent;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Observation.ObservationStatus;
import org.hl7.fhir.r4.model.Quantity;
import org.isotox.fhir.Canonicals;
import org.isotox.fhir.FhirDates;
import org.isotox.toxicity.domain.SevereToxicityRule;
import org.isotox.toxicity.domain.ToxicityRecord;
import org.springframework.stereotype.Component;

/** Toxicity records of trial patients, read from their CTCAE toxicity Observations and graded AdverseEvents. */
@Component
public class ToxicityRecords {

    private static final String INTERRUPTION_DAYS = "rt-interruption-days";

    private final DaoRegistry daoRegistry;
    private final CtcaeGrades grades;

    ToxicityRecords(DaoRegistry daoRegistry, CtcaeGrades grades) {
        this.daoRegistry = daoRegistry;
        this.grades = grades;
    }

    /**
     * The records of these patients that could be severe under {@code rule}: one query for all of
     * them, narrowed in the database to the rule's terms and to grades it can count.
     */
    public List<PatientToxicity> severeCandidates(Collection<String> patients, SevereToxicityRule rule) {
        TokenOrListParam terms = new TokenOrListParam();
        rule.terms().forEach(t -> terms.add(t.system(), t.code()));
        return graded(patients, rule.lowestCountedGrade(), terms);
    }

    /** Every record of these patients at {@code lowestGrade} or above, whatever the term: one query for all of them. */
    public List<PatientToxicity> gradedFrom(Collection<String> patients, int lowestGrade) {
        return graded(patients, lowestGrade, null);
    }

    private List<PatientToxicity> graded(Collection<String> patients, int lowestGrade, TokenOrListParam terms) {
        if (patients.isEmpty()) {
            return List.of();
        }
        ReferenceOrListParam subjects = new ReferenceOrListParam();
        patients.forEach(p -> subjects.addOr(new ReferenceParam(p)));
        TokenOrListParam countedGrades = new TokenOrListParam();
        grades.codesFrom(lowestGrade).forEach(code -> countedGrades.add(Canonicals.NCIT, code));
        SearchParameterMap query = SearchParameterMap.newSynchronous()
                .add(Observation.SP_SUBJECT, subjects)
                .add(Observation.SP_VALUE_CONCEPT, countedGrades);
        if (terms != null) {
            query.add(Observation.SP_CODE, terms);
        }
        List<IBaseResource> found = daoRegistry.getResourceDao(Observation.class)
                .search(query, new SystemRequestDetails())
                .getAllResources();
        List<PatientToxicity> records = new ArrayList<>(
                found.stream().map(r -> recordOf((Observation) r)).flatMap(Optional::stream).toList());
        records.addAll(adverseEvents(subjects, terms).stream()
                .filter(t -> t.record().grade() >= lowestGrade)
                .toList());
        return records;
    }

    /** The CTCAE gradings recorded as AdverseEvents of these patients; the grade, an extension, is filtered here. */
    private List<PatientToxicity> adverseEvents(ReferenceOrListParam subjects, TokenOrListParam terms) {
        SearchParameterMap query = SearchParameterMap.newSynchronous().add(AdverseEvent.SP_SUBJECT, subjects);
        if (terms != null) {
            query.add(AdverseEvent.SP_EVENT, terms);
        }
        return daoRegistry.getResourceDao(AdverseEvent.class).search(query, new SystemRequestDetails()).getAllResources()
                .stream()
                .map(r -> AdverseEventGradings.recordOf((AdverseEvent) r, grades))
                .flatMap(Optional::stream)
                .toList();
    }

    /** The record a resource holds, if it is a current CTCAE toxicity grading of a patient (an Observation or an AdverseEvent). */
    public Optional<PatientToxicity> recordOf(IBaseResource resource) {
        if (resource instanceof Observation observation) {
            return recordOf(observation);
        }
        return resource instanceof AdverseEvent event ? AdverseEventGradings.recordOf(event, grades) : Optional.empty();
    }

    /** The record an Observation holds, if it is a current CTCAE toxicity grading of a patient. */
    public Optional<PatientToxicity> recordOf(Observation observation) {
        if (observation.getStatus() == ObservationStatus.ENTEREDINERROR
                || observation.getStatus() == ObservationStatus.CANCELLED
                || !observation.hasValueCodeableConcept()
                || !observation.hasEffectiveDateTimeType()
                || observation.getEffectiveDateTimeType().getPrecision().ordinal() < TemporalPrecisionEnum.DAY.ordinal()) {
            return Optional.empty();
        }
        OptionalInt grade = grades.gradeIn(observation.getValueCodeableConcept());
        Optional<Coding> term = observation.getCode().getCoding().stream()
                .filter(c -> Canonicals.NCIT.equals(c.getSystem()))
                .findFirst();
        if (grade.isEmpty() || term.isEmpty() || !observation.getSubject().hasReference()) {
            return Optional.empty();
        }
        return Optional.of(new PatientToxicity(observation.getSubject().getReference(), new ToxicityRecord(
                new ToxicityRecord.Term(term.get().getSystem(), term.get().getCode()),
                grade.getAsInt(),
                interruptionDays(observation),
                FhirDates.localDate(observation.getEffectiveDateTimeType()),
                "Observation/" + observation.getIdElement().getIdPart())));
    }

    private static int interruptionDays(Observation observation) {
        return observation.getComponent().stream()
                .filter(c -> c.getCode().getCoding().stream()
                        .anyMatch(code -> Canonicals.ISOTOX_CODES.equals(code.getSystem())
                                && INTERRUPTION_DAYS.equals(code.getCode())))
                .filter(c -> c.getValue() instanceof Quantity)
                .mapToInt(c -> ((Quantity) c.getValue()).getValue().intValue())
                .max()
                .orElse(0);
    }
}
