package org.isotox.eligibility.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Set;
import java.util.function.Function;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Observation.ObservationStatus;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.SimpleQuantity;
import org.isotox.eligibility.domain.BirthDate;
import org.isotox.eligibility.domain.Code;
import org.isotox.eligibility.domain.ConditionFact;
import org.isotox.eligibility.domain.Measurement;
import org.isotox.eligibility.domain.ObservationFact;
import org.isotox.eligibility.domain.ObservedValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Observations, Conditions and birth dates as the rules read them. */
class FhirFactsTest {

    private static final Function<Set<Code>, Set<Code>> NO_STATED_STAGES = codes -> Set.of();

    @ParameterizedTest
    @CsvSource({"FINAL, true", "AMENDED, true", "CORRECTED, true", "PRELIMINARY, false", "ENTEREDINERROR, false",
        "CANCELLED, false"})
    void onlyResultsAreEvidence(ObservationStatus status, boolean used) {
        Observation observation = karnofsky(70).setStatus(status);

        assertThat(ObservationFacts.of(observation).isPresent()).isEqualTo(used);
    }

    @Test
    void anIntegerScoreIsAUnitlessMeasurementAtItsEffectiveTimeAsWritten() {
        ObservationFact fact = ObservationFacts.of(karnofsky(70)).orElseThrow();

        assertThat(fact.reference()).isEqualTo("Observation/5");
        assertThat(fact.effective()).isEqualTo(LocalDateTime.of(2026, 11, 20, 23, 30));
        assertThat(fact.value()).isEqualTo(new ObservedValue.Measured(Measurement.exact(BigDecimal.valueOf(70), "", "")));
    }

    @Test
    void aQuantityKeepsItsComparatorUnitAndReferenceRange() {
        Observation alt = new Observation().setStatus(ObservationStatus.FINAL)
                .setEffective(new Period().setStartElement(new DateTimeType("2026-11-02")))
                .setValue(new Quantity().setValue(5).setComparator(Quantity.QuantityComparator.LESS_THAN)
                        .setUnit("U/L").setCode("U/L"));
        alt.addReferenceRange().setHigh((SimpleQuantity) new SimpleQuantity().setValue(40).setCode("U/L"));
        alt.setId("Observation/8/_history/2");

        ObservationFact fact = ObservationFacts.of(alt).orElseThrow();

        assertThat(fact.reference()).isEqualTo("Observation/8");
        assertThat(fact.effective().toLocalDate()).isEqualTo(LocalDate.of(2026, 11, 2));
        Measurement value = ((ObservedValue.Measured) fact.value()).measurement();
        assertThat(value.comparator()).isEqualTo(Measurement.Comparator.BELOW);
        assertThat(value.unit()).isEqualTo("U/L");
        assertThat(fact.referenceRange().orElseThrow().high()).contains(BigDecimal.valueOf(40));
    }

    @Test
    void anObservationThatCannotBePlacedInTimeIsNoEvidence() {
        assertThat(ObservationFacts.of(karnofsky(70).setEffective(null))).isEmpty();
    }

    @Test
    void anObservationWithoutStatusIsNoEvidence() {
        assertThat(ObservationFacts.of(karnofsky(70).setStatus(null))).isEmpty();
    }

    @Test
    void theFocusIsKeptAsAPlainReference() {
        Observation assessment = karnofsky(70);
        assessment.addFocus(new Reference("Condition/20/_history/3"));

        assertThat(ObservationFacts.of(assessment).orElseThrow().focus()).containsExactly("Condition/20");
    }

    @Test
    void aConditionWithoutStatusesIsTakenAsActiveAndConfirmed() {
        ConditionFact fact = ConditionFacts.of(heartFailure(), NO_STATED_STAGES).orElseThrow();

        assertThat(fact.clinicalStatus()).isEqualTo(ConditionFact.ClinicalStatus.ACTIVE);
        assertThat(fact.verification()).isEqualTo(ConditionFact.Verification.CONFIRMED);
        assertThat(fact.label()).isEqualTo("Heart failure");
        assertThat(fact.onset()).contains(LocalDate.of(2024, 3, 1));
        assertThat(fact.grading()).extracting(c -> c.code()).containsExactly("420913000");
    }

    @ParameterizedTest
    @CsvSource({"resolved, INACTIVE", "remission, INACTIVE", "recurrence, ACTIVE", "active, ACTIVE"})
    void clinicalStatus(String code, ConditionFact.ClinicalStatus expected) {
        Condition condition = heartFailure().setClinicalStatus(status("condition-clinical", code));

        assertThat(ConditionFacts.of(condition, NO_STATED_STAGES).orElseThrow().clinicalStatus()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"confirmed, CONFIRMED", "provisional, SUSPECTED", "differential, SUSPECTED", "unconfirmed, SUSPECTED",
        "refuted, REFUTED"})
    void verificationStatus(String code, ConditionFact.Verification expected) {
        Condition condition = heartFailure().setVerificationStatus(status("condition-ver-status", code));

        assertThat(ConditionFacts.of(condition, NO_STATED_STAGES).orElseThrow().verification()).isEqualTo(expected);
    }

    @Test
    void theStageADiagnosisCodeStatesCountsAsAStageSummary() {
        Condition cancer = new Condition();
        cancer.getCode().addCoding(new Coding("http://snomed.info/sct", "422968005", "Non-small cell carcinoma of lung, TNM stage 3"));
        Code stageThree = new Code("https://isotox.org/fhir/CodeSystem/tnm-stage-group", "III");

        ConditionFact fact = ConditionFacts.of(cancer,
                codes -> codes.contains(new Code("http://snomed.info/sct", "422968005")) ? Set.of(stageThree) : Set.of()).orElseThrow();

        assertThat(fact.stages()).containsExactly(stageThree);
        assertThat(fact.grading()).containsExactly(stageThree);
    }

    @Test
    void aConditionEnteredInErrorIsNoEvidence() {
        Condition condition = heartFailure().setVerificationStatus(status("condition-ver-status", "entered-in-error"));

        assertThat(ConditionFacts.of(condition, NO_STATED_STAGES)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"1950, 1950-01-01, 1950-12-31", "1950-02, 1950-02-01, 1950-02-28", "1950-02-13, 1950-02-13, 1950-02-13"})
    void aPartialBirthDateSpansTheDaysItCanBe(String written, LocalDate earliest, LocalDate latest) {
        assertThat(BirthDates.of(new DateType(written))).contains(new BirthDate(earliest, latest));
    }

    private static Observation karnofsky(int score) {
        Observation observation = new Observation()
                .setStatus(ObservationStatus.FINAL)
                .setCode(new CodeableConcept(new Coding(Codes.LOINC, "89243-0", null)))
                .setEffective(new DateTimeType("2026-11-20T23:30:00+08:00"))
                .setValue(new IntegerType(score));
        observation.setId("Observation/5");
        return observation;
    }

    private static Condition heartFailure() {
        Condition condition = new Condition()
                .setCode(new CodeableConcept(new Coding(Codes.SNOMED, "84114007", "Heart failure (disorder)")))
                .setOnset(new DateTimeType("2024-03-01"))
                .setSeverity(new CodeableConcept(new Coding(Codes.SNOMED, "420913000", "NYHA class III")));
        condition.setId("Condition/9");
        return condition;
    }

    private static CodeableConcept status(String codeSystem, String code) {
        return new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/" + codeSystem, code, null));
    }
}
