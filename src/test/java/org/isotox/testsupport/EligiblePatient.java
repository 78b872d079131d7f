package org.isotox.testsupport;

import java.util.Set;
import java.util.UUID;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleType;
import org.hl7.fhir.r4.model.Bundle.HTTPVerb;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.SimpleQuantity;
import org.hl7.fhir.r4.model.Type;

/**
 * The record of a patient who meets every IHR criterion at an enrolment in January 2026: a 67-year
 * old man with confirmed stage IIIB NSCLC, Karnofsky 70, normal blood counts, liver and kidney
 * values within the limits, a life expectancy of a year, and none of the excluding conditions.
 */
final class EligiblePatient {

    private static final String SCT = "http://snomed.info/sct";
    private static final String LOINC = "http://loinc.org";
    private static final String UCUM = "http://unitsofmeasure.org";
    private static final String ISOTOX = "https://isotox.org/fhir/CodeSystem/isotox";
    private static final String WORKUP = "2025-12-15";

    private EligiblePatient() {}

    static Bundle transaction() {
        return transaction(Set.of());
    }

    /** The same record without the {@code omitted} work-up facts (a test records them in another shape). */
    static Bundle transaction(Set<TrialFixtures.WorkUpFact> omitted) {
        Bundle bundle = new Bundle().setType(BundleType.TRANSACTION);
        String patient = "urn:uuid:" + UUID.randomUUID();
        add(bundle, patient, new Patient()
                .setGender(AdministrativeGender.MALE)
                .setBirthDateElement(new DateType("1958-04-12"))
                .addName(new org.hl7.fhir.r4.model.HumanName().setFamily("Eligible").addGiven("Test")));
        Condition cancer = new Condition().setSubject(new Reference(patient));
        cancer.getCode().addCoding(new Coding(SCT, "254637007", "Non-small cell lung cancer (disorder)"));
        cancer.getClinicalStatus().addCoding(new Coding("http://terminology.hl7.org/CodeSystem/condition-clinical", "active", null));
        cancer.getVerificationStatus().addCoding(new Coding("http://terminology.hl7.org/CodeSystem/condition-ver-status", "confirmed", null));
        cancer.setOnset(new DateTimeType("2025-11-01"));
        if (!omitted.contains(TrialFixtures.WorkUpFact.NSCLC_DIAGNOSIS)) {
            add(bundle, null, cancer);
        }
        if (!omitted.contains(TrialFixtures.WorkUpFact.STAGE_GROUP)) {
            add(bundle, null, observation(patient, new Coding(SCT, "399537006", "Clinical TNM stage grouping (observable entity)"),
                    new CodeableConcept().addCoding(new Coding("https://isotox.org/fhir/CodeSystem/tnm-stage-group", "IIIB", "Stage IIIB")), "2025-11-10"));
        }
        if (!omitted.contains(TrialFixtures.WorkUpFact.KARNOFSKY)) {
            add(bundle, null, observation(patient, new Coding(LOINC, "89243-0", "Karnofsky Performance Status score"), new IntegerType(70), WORKUP));
        }
        add(bundle, null, observation(patient, new Coding(ISOTOX, "life-expectancy", "Life expectancy"), quantity(12, "mo"), WORKUP));
        add(bundle, null, observation(patient, new Coding(ISOTOX, "investigator-judgement-unsuitable", null), new BooleanType(false), WORKUP));
        add(bundle, null, lab(patient, "718-7", 135, "g/L", 120, 160));
        add(bundle, null, lab(patient, "6690-2", 6.2, "10*9/L", 4, 10));
        add(bundle, null, lab(patient, "751-8", 3.8, "10*9/L", 2, 7));
        add(bundle, null, lab(patient, "777-3", 230, "10*9/L", 100, 300));
        add(bundle, null, lab(patient, "1742-6", 32, "U/L", 7, 40));
        add(bundle, null, lab(patient, "1920-8", 28, "U/L", 13, 40));
        add(bundle, null, lab(patient, "1975-2", 14, "umol/L", 3, 21));
        add(bundle, null, lab(patient, "2160-0", 85, "umol/L", 57, 111));
        return bundle;
    }

    private static Observation lab(String patient, String loinc, double value, String unit, double low, double high) {
        Observation lab = observation(patient, new Coding(LOINC, loinc, null), quantity(value, unit), WORKUP);
        lab.addCategory().addCoding(new Coding("http://terminology.hl7.org/CodeSystem/observation-category", "laboratory", null));
        lab.addReferenceRange().setLow(simple(low, unit)).setHigh(simple(high, unit));
        return lab;
    }

    private static Observation observation(String patient, Coding code, Type value, String date) {
        Observation observation = new Observation().setStatus(Observation.ObservationStatus.FINAL);
        observation.getCode().addCoding(code);
        observation.setSubject(new Reference(patient));
        observation.setEffective(new DateTimeType(date));
        observation.setValue(value);
        return observation;
    }

    private static Quantity quantity(double value, String unit) {
        return new Quantity().setValue(value).setUnit(unit).setSystem(UCUM).setCode(unit);
    }

    private static SimpleQuantity simple(double value, String unit) {
        SimpleQuantity quantity = new SimpleQuantity();
        quantity.setValue(value).setUnit(unit).setSystem(UCUM).setCode(unit);
        return quantity;
    }

    private static void add(Bundle bundle, String fullUrl, Resource resource) {
        bundle.addEntry()
                .setFullUrl(fullUrl == null ? "urn:uuid:" + UUID.randomUUID() : fullUrl)
                .setResource(resource)
                .getRequest()
                .setMethod(HTTPVerb.POST)
                .setUrl(resource.fhirType());
    }
}
