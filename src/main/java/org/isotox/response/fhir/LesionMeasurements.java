package org.isotox.response.fhir;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Observation.ObservationComponentComponent;
import org.hl7.fhir.r4.model.Observation.ObservationStatus;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Type;
import org.isotox.fhir.Canonicals;
import org.isotox.fhir.FhirDates;
import org.isotox.response.domain.NonTargetStatus;
import org.springframework.stereotype.Component;

/** The RECIST lesion measurement Observations of patients (code isotox#recist-lesion-measurement). */
@Component
class LesionMeasurements {

    static final String CODE = "recist-lesion-measurement";
    static final String STATUS_SYSTEM = Canonicals.BASE + "/CodeSystem/recist-lesion-status";

    private final DaoRegistry daoRegistry;

    LesionMeasurements(DaoRegistry daoRegistry) {
        this.daoRegistry = daoRegistry;
    }

    /** Whether the Observation is coded as a lesion measurement, whatever its state. */
    static boolean isMeasurement(Observation observation) {
        return observation.getCode().getCoding().stream()
                .anyMatch(c -> Canonicals.ISOTOX_CODES.equals(c.getSystem()) && CODE.equals(c.getCode()));
    }

    /** The Patient reference a measurement is about, if it is about a Patient. */
    static Optional<String> patientOf(Observation observation) {
        return "Patient".equals(observation.getSubject().getReferenceElement().getResourceType())
                ? Optional.of("Patient/" + observation.getSubject().getReferenceElement().getIdPart())
                : Optional.empty();
    }

    /** The stored lesion measurement Observations of the patient. */
    List<Observation> stored(String patient) {
        SearchParameterMap query = SearchParameterMap.newSynchronous()
                .add(Observation.SP_SUBJECT, new ReferenceParam(patient))
                .add(Observation.SP_CODE, new TokenParam(Canonicals.ISOTOX_CODES, CODE));
        return daoRegistry.getResourceDao(Observation.class).search(query, new SystemRequestDetails())
                .getAllResources().stream()
                .map(Observation.class::cast)
                .toList();
    }

    /**
     * The measurement an Observation holds: empty when it is not current (entered in error,
     * cancelled), not dated to the day, without a lesion id, or without the value its role needs
     * (a diameter in mm for a target lesion, a status otherwise).
     */
    static Optional<LesionMeasurement> of(Observation observation) {
        if (!isMeasurement(observation)
                || observation.getStatus() == ObservationStatus.ENTEREDINERROR
                || observation.getStatus() == ObservationStatus.CANCELLED
                || !observation.hasEffectiveDateTimeType()
                || observation.getEffectiveDateTimeType().getPrecision().ordinal() < TemporalPrecisionEnum.DAY.ordinal()) {
            return Optional.empty();
        }
        Optional<String> lesionId = component(observation, "recist-lesion-id", StringType.class).map(StringType::getValue);
        boolean target = flag(observation, "recist-target-lesion");
        Optional<BigDecimal> diameter = diameterMm(observation.getValue());
        Optional<NonTargetStatus> status = status(observation.getValue());
        if (lesionId.isEmpty() || lesionId.get().isBlank() || (target ? diameter.isEmpty() : status.isEmpty())) {
            return Optional.empty();
        }
        return Optional.of(new LesionMeasurement(
                "Observation/" + observation.getIdElement().getIdPart(),
                FhirDates.localDate(observation.getEffectiveDateTimeType()),
                lesionId.get(),
                target,
                flag(observation, "recist-lymph-node"),
                flag(observation, "recist-lesion-in-field"),
                flag(observation, "recist-new-lesion"),
                target ? diameter : Optional.empty(),
                target ? Optional.empty() : status));
    }

    private static Optional<BigDecimal> diameterMm(Type value) {
        if (value instanceof Quantity quantity && "mm".equals(quantity.getCode()) && quantity.hasValue()
                && quantity.getValue().signum() >= 0) {
            return Optional.of(quantity.getValue());
        }
        return Optional.empty();
    }

    private static Optional<NonTargetStatus> status(Type value) {
        if (!(value instanceof CodeableConcept concept)) {
            return Optional.empty();
        }
        return concept.getCoding().stream()
                .filter(c -> STATUS_SYSTEM.equals(c.getSystem()))
                .flatMap(c -> java.util.Arrays.stream(NonTargetStatus.values()).filter(s -> s.code().equals(c.getCode())))
                .findFirst();
    }

    private static boolean flag(Observation observation, String code) {
        return component(observation, code, BooleanType.class).map(BooleanType::booleanValue).orElse(false);
    }

    private static <T extends Type> Optional<T> component(Observation observation, String code, Class<T> type) {
        for (ObservationComponentComponent component : observation.getComponent()) {
            boolean coded = component.getCode().getCoding().stream()
                    .anyMatch(c -> Canonicals.ISOTOX_CODES.equals(c.getSystem()) && code.equals(c.getCode()));
            if (coded && type.isInstance(component.getValue())) {
                return Optional.of(type.cast(component.getValue()));
            }
        }
        return Optional.empty();
    }
}
