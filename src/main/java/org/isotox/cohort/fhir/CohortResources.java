package org.isotox.cohort.fhir;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.SimpleQuantity;
import org.hl7.fhir.r4.model.Type;
import org.isotox.fhir.Canonicals;

/** The small FHIR pieces every generated record is built of: codings, quantities, dated observations. */
final class CohortResources {

    static final String SCT = "http://snomed.info/sct";
    static final String LOINC = "http://loinc.org";
    static final String UCUM = "http://unitsofmeasure.org";
    static final String TG263 = "http://www.aapm.org/TG263";

    private CohortResources() {}

    static Observation observation(String id, String patient, Coding code, Type value, LocalDate date) {
        Observation observation = new Observation().setStatus(Observation.ObservationStatus.FINAL);
        observation.setId(id);
        observation.getCode().addCoding(code);
        observation.setSubject(new Reference(patient));
        observation.setEffective(dateTime(date));
        observation.setValue(value);
        return observation;
    }

    static Coding isotox(String code) {
        return new Coding(Canonicals.ISOTOX_CODES, code, null);
    }

    static CodeableConcept concept(Coding coding) {
        return new CodeableConcept().addCoding(coding);
    }

    static void flag(Observation observation, String code, boolean value) {
        observation.addComponent().setCode(concept(isotox(code))).setValue(new BooleanType(value));
    }

    static Quantity quantity(double value, String unit) {
        return new Quantity().setValue(BigDecimal.valueOf(value)).setUnit(unit).setSystem(UCUM).setCode(unit);
    }

    static SimpleQuantity simpleQuantity(double value, String unit) {
        SimpleQuantity quantity = new SimpleQuantity();
        quantity.setValue(BigDecimal.valueOf(value)).setUnit(unit).setSystem(UCUM).setCode(unit);
        return quantity;
    }

    static Quantity gray(double value) {
        return quantity(value, "Gy");
    }

    static DateTimeType dateTime(LocalDate date) {
        return new DateTimeType(date.toString());
    }
}
