package org.isotox.eligibility.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CanonicalType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Duration;
import org.hl7.fhir.r4.model.Group;
import org.hl7.fhir.r4.model.Group.GroupCharacteristicComponent;
import org.hl7.fhir.r4.model.Range;
import org.hl7.fhir.r4.model.SimpleQuantity;
import org.isotox.eligibility.domain.AgeInRange;
import org.isotox.eligibility.domain.BirthDate;
import org.isotox.eligibility.domain.Code;
import org.isotox.eligibility.domain.Concept;
import org.isotox.eligibility.domain.CriterionResult;
import org.isotox.eligibility.domain.EligibilityRule;
import org.isotox.eligibility.domain.EligibilityRules;
import org.isotox.eligibility.domain.LabInterpretation;
import org.isotox.eligibility.domain.Measurement;
import org.isotox.eligibility.domain.MultipleOfUpperLimit;
import org.isotox.eligibility.domain.ObservationFact;
import org.isotox.eligibility.domain.ObservedQuantityInRange;
import org.isotox.eligibility.domain.ObservedValue;
import org.isotox.eligibility.domain.Outcome;
import org.isotox.eligibility.domain.PatientRecord;
import org.isotox.eligibility.domain.QualifiedFinding;
import org.isotox.eligibility.domain.RecordedFinding;
import org.isotox.eligibility.domain.RecordedWith;
import org.isotox.eligibility.domain.ScaleConversion;
import org.isotox.eligibility.domain.UnsupportedCharacteristic;
import org.isotox.eligibility.domain.ValueRange;
import org.junit.jupiter.api.Test;

/** The eligibility Group read by its shapes: the IHR Group as shipped, and another study's Group with other limits. */
class EligibilityGroupMapperTest {

    private static final FhirContext R4 = FhirContext.forR4Cached();
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 27);
    private static final String STAGE_III = "https://isotox.org/fhir/ValueSet/stage-iii-groups";
    private static final String NYHA = "https://isotox.org/fhir/ValueSet/nyha-class-ii-or-above";
    private static final Map<String, Set<Code>> VALUE_SETS = Map.of(
            STAGE_III, Set.of(new Code("https://isotox.org/fhir/CodeSystem/tnm-stage-group", "IIIB")),
            NYHA, Set.of(new Code(Codes.SNOMED, "421704003")));

    /** As terminology/ has it for the IHR codes: the clinical stage group also as LOINC; SNOMED CT names diagnoses. */
    private static final RecordingTerminology TERMINOLOGY = new RecordingTerminology() {
        @Override
        public Set<Code> recordedAs(Set<Code> codes) {
            Set<Code> all = new java.util.HashSet<>(codes);
            if (codes.contains(new Code(Codes.SNOMED, "399537006"))) {
                all.add(new Code(Codes.LOINC, "21908-9"));
            }
            return all;
        }

        @Override
        public List<RecordedWith> recordedWith(Set<Code> codes) {
            return List.of();
        }

        @Override
        public List<ScaleConversion> conversionsInto(Concept target) {
            return List.of();
        }

        @Override
        public Set<Code> stagesStatedBy(Set<Code> codes) {
            return Set.of();
        }

        @Override
        public boolean namesDiagnosis(Set<Code> codes) {
            return codes.stream().anyMatch(code -> code.system().equals(Codes.SNOMED));
        }
    };

    private final EligibilityGroupMapper mapper =
            new EligibilityGroupMapper(canonical -> Optional.ofNullable(VALUE_SETS.get(canonical)), TERMINOLOGY);

    @Test
    void everyIhrCharacteristicIsReadByItsShape() throws IOException {
        List<EligibilityRule> rules = mapper.rulesOf(List.of(ihrEligibilityGroup())).rules();

        assertThat(rules).extracting(rule -> rule.characteristic().getClass().getSimpleName()).containsExactly(
                "RecordedFinding", "QualifiedFinding", "AgeInRange", "ObservedQuantityInRange", "ObservedQuantityInRange",
                "LabInterpretation", "LabInterpretation", "LabInterpretation", "LabInterpretation",
                "MultipleOfUpperLimit", "MultipleOfUpperLimit", "MultipleOfUpperLimit", "MultipleOfUpperLimit",
                "RecordedFinding", "RecordedFinding", "QualifiedFinding",
                "QualifiedFinding", "QualifiedFinding", "QualifiedFinding", "RecordedFinding");
        assertThat(rules).filteredOn(EligibilityRule::exclude).hasSize(7);
        assertThat(rules.get(14).lookback()).contains(Period.ofMonths(6));
        assertThat(rules.get(14).criterion().code()).isEqualTo("exc-serious-comorbidity");
        assertThat(rules.get(14).criterion().description()).isEqualTo("Serious medical comorbidity");
    }

    @Test
    void theIhrLimitsComeFromTheGroup() throws IOException {
        List<EligibilityRule> rules = mapper.rulesOf(List.of(ihrEligibilityGroup())).rules();

        assertThat(((AgeInRange) rules.get(2).characteristic()).range().low()).contains(new BigDecimal("18"));
        assertThat(((ObservedQuantityInRange) rules.get(4).characteristic()).range().low()).contains(new BigDecimal("60"));
        assertThat(((MultipleOfUpperLimit) rules.get(9).characteristic()).multiples().high()).contains(new BigDecimal("2.5"));
        assertThat(((LabInterpretation) rules.get(5).characteristic()).expected().code()).isEqualTo("N");
        QualifiedFinding stage = (QualifiedFinding) rules.get(1).characteristic();
        assertThat(stage.qualifier().codes()).isEqualTo(VALUE_SETS.get(STAGE_III));
        assertThat(stage.observationCodes()).contains(new Code(Codes.LOINC, "21908-9"));
        assertThat(((RecordedFinding) rules.get(13).characteristic()).diagnosis()).isTrue();
        assertThat(((RecordedFinding) rules.get(19).characteristic()).diagnosis()).isFalse();
    }

    @Test
    void anotherStudysLimitsNeedNoCodeChange() {
        Group elderly = new Group();
        elderly.addCharacteristic(range("http://loinc.org", "89243-0", "70", null, null).setExclude(false));
        elderly.addCharacteristic(range("http://loinc.org", "30525-0", "65", null, "a").setExclude(false));
        EligibilityRules rules = mapper.rulesOf(List.of(elderly));

        PatientRecord seventyYearsOldWithKarnofsky60 = new PatientRecord("Patient/3",
                Optional.of(BirthDate.exactly(TODAY.minusYears(70))),
                List.of(karnofsky("Observation/4", "60")), List.of(), Optional.empty());

        assertThat(rules.evaluate(seventyYearsOldWithKarnofsky60, TODAY).criteria())
                .extracting(CriterionResult::code, CriterionResult::outcome)
                .containsExactly(
                        tuple("89243-0", Outcome.NOT_MET),
                        tuple("30525-0", Outcome.MET));
    }

    @Test
    void anIncludedAbsenceIsAnExcludedPresence() {
        Group group = new Group();
        group.addCharacteristic()
                .setCode(new CodeableConcept(new Coding(Codes.SNOMED, "51615001", "Fibrosis of lung (disorder)")))
                .setValue(new BooleanType(false))
                .setExclude(false);

        EligibilityRule rule = mapper.rulesOf(List.of(group)).rules().get(0);

        assertThat(rule.exclude()).isTrue();
        assertThat(((RecordedFinding) rule.characteristic()).finding().label()).isEqualTo("Fibrosis of lung");
    }

    @Test
    void aValueSetTheServerLacksLeavesTheCriterionUnknown() {
        GroupCharacteristicComponent staged = new GroupCharacteristicComponent()
                .setCode(new CodeableConcept(new Coding(Codes.SNOMED, "399537006", null)))
                .setValue(new CodeableConcept(new Coding("urn:stages", "IV", null)));
        staged.addExtension(EligibilityGroupMapper.VALUE_SET, new CanonicalType("https://example.org/ValueSet/missing"));
        Group group = new Group().addCharacteristic(staged);

        EligibilityRules rules = mapper.rulesOf(List.of(group));
        CriterionResult result = rules.evaluate(new PatientRecord("Patient/1", Optional.empty(), List.of(), List.of(), Optional.empty()), TODAY)
                .criteria().get(0);

        assertThat(rules.rules().get(0).characteristic()).isInstanceOf(UnsupportedCharacteristic.class);
        assertThat(result.outcome()).isEqualTo(Outcome.UNKNOWN);
        assertThat(result.reason()).contains("https://example.org/ValueSet/missing is not on the server");
    }

    @Test
    void aLookbackOutsideTimeUnitsIsNotGuessed() {
        GroupCharacteristicComponent characteristic = new GroupCharacteristicComponent()
                .setCode(new CodeableConcept(new Coding(Codes.SNOMED, "22298006", "Myocardial infarction (disorder)")))
                .setValue(new BooleanType(true))
                .setExclude(true);
        characteristic.addExtension(EligibilityGroupMapper.LOOKBACK,
                new Duration().setValue(6).setUnit("visits").setCode("{visit}"));

        EligibilityRule rule = mapper.rulesOf(List.of(new Group().addCharacteristic(characteristic))).rules().get(0);

        assertThat(rule.characteristic()).isInstanceOf(UnsupportedCharacteristic.class);
    }

    private static GroupCharacteristicComponent range(String system, String code, String low, String high, String unit) {
        Range range = new Range();
        if (low != null) {
            range.setLow(limit(low, unit));
        }
        if (high != null) {
            range.setHigh(limit(high, unit));
        }
        return new GroupCharacteristicComponent().setCode(new CodeableConcept(new Coding(system, code, null))).setValue(range);
    }

    private static SimpleQuantity limit(String value, String unit) {
        SimpleQuantity limit = new SimpleQuantity();
        limit.setValue(new BigDecimal(value)).setCode(unit);
        return limit;
    }

    private static ObservationFact karnofsky(String reference, String score) {
        return new ObservationFact(reference, Set.of(new Code(Codes.LOINC, "89243-0")), TODAY.atStartOfDay(),
                new ObservedValue.Measured(Measurement.exact(new BigDecimal(score), "", "")), Optional.<ValueRange>empty(),
                Set.of(), List.of());
    }

    private static Group ihrEligibilityGroup() throws IOException {
        try (InputStream in = EligibilityGroupMapperTest.class.getResourceAsStream(
                "/isotox/studies/ihr/Bundle-ihr-study-definition.json")) {
            Bundle bundle = R4.newJsonParser().parseResource(Bundle.class, in);
            return bundle.getEntry().stream()
                    .map(Bundle.BundleEntryComponent::getResource)
                    .filter(Group.class::isInstance)
                    .map(Group.class::cast)
                    .findFirst()
                    .orElseThrow();
        }
    }
}
