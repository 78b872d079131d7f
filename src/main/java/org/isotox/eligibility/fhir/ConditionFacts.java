package org.isotox.eligibility.fhir;

import org.isotox.fhir.FhirDates;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Period;
import org.isotox.eligibility.domain.Code;
import org.isotox.eligibility.domain.ConditionFact;
import org.isotox.eligibility.domain.ConditionFact.ClinicalStatus;
import org.isotox.eligibility.domain.ConditionFact.Verification;

/** Conditions as the eligibility rules read them. */
final class ConditionFacts {

    private static final Set<String> ACTIVE = Set.of("active", "recurrence", "relapse");
    private static final Set<String> SUSPECTED = Set.of("unconfirmed", "provisional", "differential");

    private ConditionFacts() {}

    /**
     * The fact, unless the Condition was entered in error. Its stages are those of its stage summaries and
     * those its code states ({@code stagesStatedBy}, e.g. a "non-small cell carcinoma of lung, TNM stage 3").
     */
    static Optional<ConditionFact> of(Condition condition, Function<Set<Code>, Set<Code>> stagesStatedBy) {
        Set<String> verification = codesOf(condition.getVerificationStatus());
        if (verification.contains("entered-in-error")) {
            return Optional.empty();
        }
        Set<Code> stages = new HashSet<>();
        condition.getStage().forEach(stage -> stages.addAll(Codes.of(stage.getSummary())));
        stages.addAll(stagesStatedBy.apply(Codes.of(condition.getCode())));
        Set<Code> grading = new HashSet<>(Codes.of(condition.getSeverity()));
        grading.addAll(stages);
        Map<String, Set<Code>> attributes = new HashMap<>();
        condition.getExtension().stream()
                .filter(extension -> extension.getValue() instanceof CodeableConcept)
                .forEach(extension -> attributes.computeIfAbsent(extension.getUrl(), url -> new HashSet<>())
                        .addAll(Codes.of((CodeableConcept) extension.getValue())));
        return Optional.of(new ConditionFact(
                condition.getIdElement().toUnqualifiedVersionless().getValue(),
                Codes.of(condition.getCode()),
                Codes.name(condition.getCode()),
                clinicalStatus(condition),
                verification(verification),
                onset(condition),
                FhirDates.dayOf(condition.getRecordedDateElement()),
                grading,
                stages,
                attributes));
    }

    /** A Condition without a clinical status is taken at face value: as active. */
    private static ClinicalStatus clinicalStatus(Condition condition) {
        Set<String> status = codesOf(condition.getClinicalStatus());
        return status.isEmpty() || status.stream().anyMatch(ACTIVE::contains) ? ClinicalStatus.ACTIVE : ClinicalStatus.INACTIVE;
    }

    private static Verification verification(Set<String> status) {
        if (status.contains("refuted")) {
            return Verification.REFUTED;
        }
        return status.stream().anyMatch(SUSPECTED::contains) ? Verification.SUSPECTED : Verification.CONFIRMED;
    }

    private static Optional<LocalDate> onset(Condition condition) {
        if (condition.getOnset() instanceof DateTimeType onset) {
            return FhirDates.dayOf(onset);
        }
        if (condition.getOnset() instanceof Period period) {
            return FhirDates.dayOf(period.getStartElement()).or(() -> FhirDates.dayOf(period.getEndElement()));
        }
        return Optional.empty();
    }

    private static Set<String> codesOf(CodeableConcept status) {
        Set<String> codes = new HashSet<>();
        status.getCoding().forEach(coding -> codes.add(coding.getCode()));
        return codes;
    }
}
