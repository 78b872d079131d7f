package org.isotox.eligibility.fhir;

import org.isotox.fhir.FhirDates;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Observation.ObservationStatus;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Type;
import org.isotox.eligibility.domain.Code;
import org.isotox.eligibility.domain.Measurement;
import org.isotox.eligibility.domain.ObservationFact;
import org.isotox.eligibility.domain.ObservedValue;
import org.isotox.eligibility.domain.ValueRange;

/** Observations as the eligibility rules read them. */
final class ObservationFacts {

    /** Results a clinician may act on; registered, preliminary, cancelled and entered-in-error ones are not evidence. */
    private static final Set<ObservationStatus> RESULTS =
            Set.of(ObservationStatus.FINAL, ObservationStatus.AMENDED, ObservationStatus.CORRECTED);

    private ObservationFacts() {}

    /** The fact, unless the Observation is no usable result or cannot be placed in time. */
    static Optional<ObservationFact> of(Observation observation) {
        if (!observation.hasStatus() || !RESULTS.contains(observation.getStatus())) {
            return Optional.empty();
        }
        return effective(observation).map(when -> new ObservationFact(
                observation.getIdElement().toUnqualifiedVersionless().getValue(),
                Codes.of(observation.getCode()),
                when,
                value(observation.getValue()),
                referenceRange(observation),
                interpretation(observation),
                observation.getFocus().stream()
                        .filter(Reference::hasReference)
                        .map(focus -> new IdType(focus.getReference()).toUnqualifiedVersionless().getValue())
                        .toList()));
    }

    private static Optional<LocalDateTime> effective(Observation observation) {
        Type effective = observation.getEffective();
        if (effective instanceof DateTimeType dateTime) {
            return FhirDates.of(dateTime);
        }
        if (effective instanceof Period period) {
            return FhirDates.of(period.getStartElement()).or(() -> FhirDates.of(period.getEndElement()));
        }
        if (effective instanceof InstantType instant) {
            return FhirDates.of(instant);
        }
        return FhirDates.of(observation.getIssuedElement());
    }

    private static ObservedValue value(Type value) {
        if (value instanceof Quantity quantity && quantity.hasValue()) {
            return new ObservedValue.Measured(measurement(quantity));
        }
        if (value instanceof IntegerType integer && integer.getValue() != null) {
            return new ObservedValue.Measured(
                    Measurement.exact(BigDecimal.valueOf(integer.getValue()), "", ""));
        }
        if (value instanceof BooleanType flag && flag.getValue() != null) {
            return new ObservedValue.Flag(flag.booleanValue());
        }
        if (value instanceof CodeableConcept coded) {
            return new ObservedValue.Coded(Codes.of(coded), Codes.described(coded).label());
        }
        return new ObservedValue.None();
    }

    private static Measurement measurement(Quantity quantity) {
        Quantity.QuantityComparator stated =
                quantity.hasComparator() ? quantity.getComparator() : Quantity.QuantityComparator.NULL;
        Measurement.Comparator comparator = switch (stated) {
            case LESS_THAN -> Measurement.Comparator.BELOW;
            case LESS_OR_EQUAL -> Measurement.Comparator.AT_MOST;
            case GREATER_OR_EQUAL -> Measurement.Comparator.AT_LEAST;
            case GREATER_THAN -> Measurement.Comparator.ABOVE;
            default -> Measurement.Comparator.EXACT;
        };
        return new Measurement(quantity.getValue(), comparator, quantity.getCode(), quantity.getUnit());
    }

    /** The first reference range with a limit: labs list the one for the patient first. */
    private static Optional<ValueRange> referenceRange(Observation observation) {
        return observation.getReferenceRange().stream()
                .filter(range -> range.getLow().hasValue() || range.getHigh().hasValue())
                .findFirst()
                .map(range -> Ranges.of(range.getLow(), range.getHigh()));
    }

    private static Set<Code> interpretation(Observation observation) {
        Set<Code> codes = new HashSet<>();
        observation.getInterpretation().forEach(concept -> codes.addAll(Codes.of(concept)));
        return codes;
    }
}
