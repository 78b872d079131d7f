package org.isotox.testsupport;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Parameters.ParametersParameterComponent;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;

/**
 * A plan's DVHs, written as {@code "dose:volume dose:volume ..."} per TG-263 structure, sent
 * inline to {@code $isotoxic-prescription} or stored as DVH Observations.
 */
public final class Dvhs {

    public static final String TG263 = "http://www.aapm.org/TG263";
    private static final String ISOTOX = "https://isotox.org/fhir/CodeSystem/isotox";

    private final double referenceDose;
    private final Map<String, String> curves = new LinkedHashMap<>();

    private Dvhs(double referenceDose) {
        this.referenceDose = referenceDose;
    }

    public static Dvhs at(double referenceDose) {
        return new Dvhs(referenceDose);
    }

    public Dvhs with(String structure, String curve) {
        curves.put(structure, curve);
        return this;
    }

    /** The DVHs of the IHR structures where the lung V20 stops the escalation at 69 Gy (23 fractions). */
    public static Dvhs lungV20Binds() {
        return at(60)
                .with("SpinalCord", "0:100 20:0")
                .with("Lungs-GTV", "0:100 5:50 10:38 15:34 20:25 40:8 60:0")
                .with("Esophagus", "0:100 40:0");
    }

    public Parameters asParameters() {
        Parameters parameters = new Parameters();
        parameters.addParameter("referenceDose", gray(referenceDose));
        curves.forEach((structure, curve) -> {
            ParametersParameterComponent dvh = parameters.addParameter().setName("dvh");
            dvh.addPart().setName("structure").setValue(new Coding(TG263, structure, null));
            for (String point : curve.trim().split(" ")) {
                String[] doseVolume = point.split(":");
                ParametersParameterComponent part = dvh.addPart().setName("point");
                part.addPart().setName("dose").setValue(gray(Double.parseDouble(doseVolume[0])));
                part.addPart().setName("volume").setValue(new DecimalType(doseVolume[1]));
            }
        });
        return parameters;
    }

    /** Stores one DVH Observation per structure for the patient. */
    public void storeFor(String patient) {
        observationsFor(patient).forEach(Fhir::create);
    }

    /** One DVH Observation per structure for the patient, not yet written. */
    public List<Observation> observationsFor(String patient) {
        List<Observation> dvhs = new ArrayList<>();
        curves.forEach((structure, curve) -> {
            Observation dvh = new Observation().setStatus(Observation.ObservationStatus.FINAL);
            dvh.getCode().addCoding(new Coding(ISOTOX, "dvh", "Dose-volume histogram"));
            dvh.setSubject(new Reference(patient));
            dvh.setBodySite(new CodeableConcept().addCoding(new Coding(TG263, structure, null)));
            dvh.addComponent().setCode(code("reference-dose")).setValue(gray(referenceDose));
            for (String point : curve.trim().split(" ")) {
                String[] doseVolume = point.split(":");
                Observation.ObservationComponentComponent component = dvh.addComponent().setCode(code("dvh-point"))
                        .setValue(new Quantity().setValue(Double.parseDouble(doseVolume[1])).setUnit("%")
                                .setSystem("http://unitsofmeasure.org").setCode("%"));
                component.addExtension(IhrStudy.PROFILE_BASE + "dvh-point-dose", gray(Double.parseDouble(doseVolume[0])));
            }
            dvhs.add(dvh);
        });
        return dvhs;
    }

    private static CodeableConcept code(String code) {
        return new CodeableConcept().addCoding(new Coding(ISOTOX, code, null));
    }

    public static Quantity gray(double value) {
        return new Quantity().setValue(value).setUnit("Gy").setSystem("http://unitsofmeasure.org").setCode("Gy");
    }
}
