package org.isotox.eligibility.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Patient records and rules for the domain tests, with the IHR codes. */
final class TestRecords {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 27);
    static final String SNOMED = "http://snomed.info/sct";
    static final String LOINC = "http://loinc.org";
    static final Code KARNOFSKY = new Code(LOINC, "89243-0");
    static final Code ALT = new Code(LOINC, "1742-6");
    static final Code HEMOGLOBIN = new Code(LOINC, "718-7");
    static final Code MYOCARDIAL_INFARCTION = new Code(SNOMED, "22298006");

    private final List<ObservationFact> observations = new ArrayList<>();
    private final List<ConditionFact> conditions = new ArrayList<>();
    private Optional<BirthDate> birthDate = Optional.empty();
    private Optional<Death> death = Optional.empty();

    static TestRecords patient() {
        return new TestRecords();
    }

    TestRecords born(BirthDate date) {
        birthDate = Optional.of(date);
        return this;
    }

    TestRecords with(ObservationFact observation) {
        observations.add(observation);
        return this;
    }

    TestRecords with(ConditionFact condition) {
        conditions.add(condition);
        return this;
    }

    TestRecords deceased(Death recorded) {
        death = Optional.of(recorded);
        return this;
    }

    PatientRecord record() {
        return new PatientRecord("Patient/1", birthDate, observations, conditions, death);
    }

    static Concept concept(Code code, String label) {
        return new Concept(Set.of(code), label);
    }

    static ObservationFact observation(String id, Code code, LocalDate day, ObservedValue value) {
        return new ObservationFact("Observation/" + id, Set.of(code), day.atStartOfDay(), value, Optional.empty(), Set.of(),
                List.of());
    }

    static ObservationFact measured(String id, Code code, LocalDate day, String value, String unit) {
        return observation(id, code, day, new ObservedValue.Measured(Measurement.exact(new BigDecimal(value), unit, unit)));
    }

    static ObservationFact lab(String id, Code code, LocalDate day, String value, String low, String high, String unit) {
        ValueRange normal = new ValueRange(Optional.ofNullable(low).map(BigDecimal::new),
                Optional.ofNullable(high).map(BigDecimal::new), unit, unit);
        return lab(id, code, day, Measurement.exact(new BigDecimal(value), unit, unit), normal);
    }

    static ObservationFact lab(String id, Code code, LocalDate day, Measurement value, ValueRange normal) {
        return new ObservationFact("Observation/" + id, Set.of(code), day.atStartOfDay(), new ObservedValue.Measured(value),
                Optional.of(normal), Set.of(), List.of());
    }

    static ObservationFact coded(String id, Code code, LocalDate day, Code value) {
        return observation(id, code, day, new ObservedValue.Coded(Set.of(value), value.code()));
    }

    static ConditionFact condition(String id, Code code, Optional<LocalDate> onset,
            ConditionFact.ClinicalStatus status, ConditionFact.Verification verification, Code... grading) {
        return new ConditionFact("Condition/" + id, Set.of(code), code.code(), status, verification, onset,
                Optional.empty(), Set.of(grading), Set.of(), java.util.Map.of());
    }

    static ConditionFact activeCondition(String id, Code code, LocalDate onset, Code... grading) {
        return condition(id, code, Optional.of(onset), ConditionFact.ClinicalStatus.ACTIVE,
                ConditionFact.Verification.CONFIRMED, grading);
    }

    /** An active, confirmed cancer whose stage (summary or pre-coordinated in its code) is {@code stage}. */
    static ConditionFact stagedCancer(String id, Code code, LocalDate onset, Code stage) {
        return new ConditionFact("Condition/" + id, Set.of(code), code.code(), ConditionFact.ClinicalStatus.ACTIVE,
                ConditionFact.Verification.CONFIRMED, Optional.of(onset), Optional.empty(), Set.of(stage), Set.of(stage),
                java.util.Map.of());
    }

    static ValueRange atLeast(String low, String unit) {
        return new ValueRange(Optional.of(new BigDecimal(low)), Optional.empty(), unit, unit);
    }

    static ValueRange atMost(String high, String unit) {
        return new ValueRange(Optional.empty(), Optional.of(new BigDecimal(high)), unit, unit);
    }

    /** The outcome of one characteristic as an inclusion (or exclusion) on {@link #TODAY}. */
    static CriterionResult evaluate(Characteristic characteristic, boolean exclude, Optional<java.time.Period> lookback,
            PatientRecord record) {
        EligibilityRule rule = new EligibilityRule(new Criterion("c", "criterion"), exclude, characteristic, lookback);
        return new EligibilityRules(List.of(rule)).evaluate(record, TODAY).criteria().get(0);
    }

    static CriterionResult include(Characteristic characteristic, PatientRecord record) {
        return evaluate(characteristic, false, Optional.empty(), record);
    }

    static CriterionResult exclude(Characteristic characteristic, PatientRecord record) {
        return evaluate(characteristic, true, Optional.empty(), record);
    }

    private TestRecords() {}
}
