package org.isotox.testsupport;

import java.math.BigDecimal;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;

/** RECIST lesion measurements of a patient, as a radiology system would push them. */
public final class Lesions {

    private static final String ISOTOX = "https://isotox.org/fhir/CodeSystem/isotox";

    private Lesions() {}

    /** A target lesion (not a node) measured at {@code diameterMm}. */
    public static Observation target(String patient, String date, String id, String diameterMm, boolean inField) {
        Observation measurement = measurement(patient, date, id, true);
        measurement.setValue(new Quantity().setValue(new BigDecimal(diameterMm)).setUnit("mm")
                .setSystem("http://unitsofmeasure.org").setCode("mm"));
        flag(measurement, "recist-lesion-in-field", inField);
        return measurement;
    }

    /** A new lesion, present. */
    public static Observation newLesion(String patient, String date, String id) {
        Observation measurement = measurement(patient, date, id, false);
        measurement.setValue(new CodeableConcept().addCoding(
                new Coding("https://isotox.org/fhir/CodeSystem/recist-lesion-status", "present", null)));
        flag(measurement, "recist-new-lesion", true);
        return measurement;
    }

    private static Observation measurement(String patient, String date, String id, boolean target) {
        Observation measurement = new Observation().setStatus(Observation.ObservationStatus.FINAL);
        measurement.getCode().addCoding(new Coding(ISOTOX, "recist-lesion-measurement", null));
        measurement.setSubject(new Reference(patient));
        measurement.setEffective(new DateTimeType(date));
        measurement.addComponent().setCode(code("recist-lesion-id")).setValue(new StringType(id));
        flag(measurement, "recist-target-lesion", target);
        flag(measurement, "recist-lymph-node", false);
        return measurement;
    }

    private static void flag(Observation measurement, String code, boolean value) {
        measurement.addComponent().setCode(code(code)).setValue(new BooleanType(value));
    }

    private static CodeableConcept code(String code) {
        return new CodeableConcept().addCoding(new Coding(ISOTOX, code, null));
    }
}
