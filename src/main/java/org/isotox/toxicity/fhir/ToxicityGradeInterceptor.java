package org.isotox.toxicity.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.util.Optional;
import java.util.OptionalInt;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.isotox.fhir.OperationOutcomes;
import org.springframework.stereotype.Component;

/**
 * Refuses (422) a toxicity grading whose grade CTCAE v5 does not define for its term (cough and
 * fatigue stop at grade 3, alopecia at grade 2; pneumonitis and esophagitis go to grade 5). The
 * ranges are the terminology's; grade 0 (assessed and absent) is open to every term.
 */
@Component
@Interceptor
class ToxicityGradeInterceptor {

    private final FhirContext fhirContext;
    private final CtcaeGrades grades;

    ToxicityGradeInterceptor(FhirContext fhirContext, CtcaeGrades grades) {
        this.fhirContext = fhirContext;
        this.grades = grades;
    }

    @Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_CREATED)
    void created(IBaseResource resource) {
        check(resource);
    }

    @Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_UPDATED)
    void updated(IBaseResource previous, IBaseResource current) {
        check(current);
    }

    private void check(IBaseResource resource) {
        if (!(resource instanceof Observation observation) || !observation.hasValueCodeableConcept()) {
            return;
        }
        OptionalInt grade = grades.gradeIn(observation.getValueCodeableConcept());
        if (grade.isEmpty() || grade.getAsInt() == 0) {
            return;
        }
        for (Coding term : observation.getCode().getCoding()) {
            Optional<CtcaeGrades.GradeRange> range = grades.rangeOf(term);
            if (range.isPresent() && !range.get().contains(grade.getAsInt())) {
                throw new UnprocessableEntityException(fhirContext, OperationOutcomes.error(IssueType.BUSINESSRULE,
                        "CTCAE v5 defines grades " + range.get().min() + " to " + range.get().max() + " for "
                                + range.get().term() + " (" + term.getCode() + "); grade " + grade.getAsInt() + " does not exist for it",
                        "Observation.value"));
            }
        }
    }
}
