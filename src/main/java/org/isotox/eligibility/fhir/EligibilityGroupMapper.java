package org.isotox.eligibility.fhir;

import java.time.Period;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CanonicalType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Duration;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Group;
import org.hl7.fhir.r4.model.Group.GroupCharacteristicComponent;
import org.hl7.fhir.r4.model.Range;
import org.hl7.fhir.r4.model.Type;
import org.isotox.eligibility.domain.AgeInRange;
import org.isotox.eligibility.domain.Characteristic;
import org.isotox.eligibility.domain.Code;
import org.isotox.eligibility.domain.Concept;
import org.isotox.eligibility.domain.Criterion;
import org.isotox.eligibility.domain.EligibilityRule;
import org.isotox.eligibility.domain.EligibilityRules;
import org.isotox.eligibility.domain.LabInterpretation;
import org.isotox.eligibility.domain.MultipleOfUpperLimit;
import org.isotox.eligibility.domain.ObservedQuantityInRange;
import org.isotox.eligibility.domain.QualifiedFinding;
import org.isotox.eligibility.domain.RecordedFinding;
import org.isotox.eligibility.domain.TimeUnits;
import org.isotox.eligibility.domain.UnsupportedCharacteristic;
import org.isotox.eligibility.domain.ValueRange;
import org.springframework.stereotype.Component;

/**
 * Reads a study's eligibility Group into rules, each characteristic by its shape: every number and
 * code comes from the characteristic (code, value[x], exclude and the Isotox extensions).
 */
@Component
class EligibilityGroupMapper {

    static final String CRITERION = "https://isotox.org/fhir/StructureDefinition/eligibility-criterion";
    static final String VALUE_SET = "https://isotox.org/fhir/StructureDefinition/characteristic-value-set";
    static final String LOOKBACK = "https://isotox.org/fhir/StructureDefinition/characteristic-lookback";
    private static final String TIMES_UPPER_LIMIT_OF_NORMAL = "{ULN}";
    /** LOINC Age: computed from Patient.birthDate, never read from an Observation. */
    private static final Code AGE = new Code(Codes.LOINC, "30525-0");

    private final ValueSetCodes valueSets;
    private final RecordingTerminology terminology;

    EligibilityGroupMapper(ValueSetCodes valueSets, RecordingTerminology terminology) {
        this.valueSets = valueSets;
        this.terminology = terminology;
    }

    EligibilityRules rulesOf(List<Group> groups) {
        return new EligibilityRules(groups.stream()
                .flatMap(group -> group.getCharacteristic().stream())
                .map(this::ruleOf)
                .toList());
    }

    private EligibilityRule ruleOf(GroupCharacteristicComponent characteristic) {
        Concept concept = Codes.named(characteristic.getCode());
        // "has no X" as an inclusion is "has X" as an exclusion, and the other way round
        boolean negated = characteristic.getValue() instanceof BooleanType flag && !flag.booleanValue();
        Optional<Duration> lookback = extension(characteristic, LOOKBACK, Duration.class);
        Optional<Period> period =
                lookback.filter(Duration::hasValue).flatMap(d -> TimeUnits.period(d.getValue(), d.getCode()));
        Characteristic rule = lookback.isPresent() && period.isEmpty()
                ? new UnsupportedCharacteristic(concept.label(), "its look-back is not a duration in a UCUM time unit")
                : characteristicOf(characteristic, concept);
        return new EligibilityRule(criterionOf(characteristic, concept), characteristic.getExclude() != negated, rule, period);
    }

    private Characteristic characteristicOf(GroupCharacteristicComponent characteristic, Concept concept) {
        Type value = characteristic.getValue();
        if (value instanceof Range range) {
            return rangeCharacteristic(concept, Ranges.of(range.getLow(), range.getHigh()));
        }
        if (value instanceof CodeableConcept coded) {
            return codedCharacteristic(characteristic, concept, coded);
        }
        if (value instanceof BooleanType) {
            return new RecordedFinding(new Concept(terminology.recordedAs(concept.codes()), concept.label()),
                    terminology.namesDiagnosis(concept.codes()), terminology.recordedWith(concept.codes()));
        }
        return new UnsupportedCharacteristic(
                concept.label(), "a value of type " + (value == null ? "(none)" : value.fhirType()) + " is not supported");
    }

    private Characteristic rangeCharacteristic(Concept concept, ValueRange range) {
        if (range.isEmpty()) {
            return new UnsupportedCharacteristic(concept.label(), "its range has no limit");
        }
        if (TIMES_UPPER_LIMIT_OF_NORMAL.equals(range.unit())) {
            return new MultipleOfUpperLimit(concept, range);
        }
        if (concept.codes().contains(AGE)) {
            return new AgeInRange(range);
        }
        return new ObservedQuantityInRange(concept, range, terminology.conversionsInto(concept));
    }

    private Characteristic codedCharacteristic(
            GroupCharacteristicComponent characteristic, Concept concept, CodeableConcept value) {
        Optional<String> valueSet =
                extension(characteristic, VALUE_SET, CanonicalType.class).map(CanonicalType::getValue);
        Concept qualifier = Codes.described(value);
        if (valueSet.isPresent()) {
            Optional<Set<Code>> members = valueSets.codesOf(valueSet.get());
            if (members.isEmpty()) {
                return new UnsupportedCharacteristic(concept.label(), "ValueSet " + valueSet.get() + " is not on the server");
            }
            qualifier = new Concept(members.get(), qualifier.label(), valueSet);
        } else {
            Optional<Code> interpretation = qualifier.codes().stream()
                    .filter(code -> code.system().equals(LabInterpretation.SYSTEM))
                    .findFirst();
            if (interpretation.isPresent()) {
                return new LabInterpretation(concept, interpretation.get());
            }
        }
        return new QualifiedFinding(concept, terminology.recordedAs(concept.codes()), qualifier,
                terminology.namesDiagnosis(concept.codes()));
    }

    /** The protocol criterion named by the eligibility-criterion extension; without one, the characteristic itself. */
    private static Criterion criterionOf(GroupCharacteristicComponent characteristic, Concept concept) {
        return extension(characteristic, CRITERION, Coding.class)
                .map(coding -> new Criterion(coding.getCode(), coding.hasDisplay() ? coding.getDisplay() : coding.getCode()))
                .orElseGet(() -> new Criterion(characteristic.getCode().getCoding().stream()
                        .filter(Coding::hasCode)
                        .map(Coding::getCode)
                        .findFirst()
                        .orElse(concept.label()), concept.label()));
    }

    private static <T extends Type> Optional<T> extension(
            GroupCharacteristicComponent characteristic, String url, Class<T> type) {
        return Optional.ofNullable(characteristic.getExtensionByUrl(url))
                .map(Extension::getValue)
                .filter(type::isInstance)
                .map(type::cast);
    }
}
