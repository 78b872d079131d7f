package org.isotox.bench;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.SplittableRandom;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleType;
import org.hl7.fhir.r4.model.Bundle.HTTPVerb;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.isotox.testsupport.Fhir;

/**
 * What an EHR sends that concerns no trial: transaction bundles of one Patient (created only if no
 * patient has its MRN: {@code ifNoneExist}), 20 vital-sign Observations (FHIR R4 vital signs
 * profile: LOINC code, UCUM unit, category {@code vital-signs}) and 2 Conditions (SNOMED CT), the
 * workload of the issue that compared this server with the HAPI JPA starter.
 */
final class EhrBundles {

    static final String MRN_SYSTEM = "urn:oid:2.16.840.1.113883.19.5.99999.1";
    static final int OBSERVATIONS = 20;
    private static final String LOINC = "http://loinc.org";
    private static final String UCUM = "http://unitsofmeasure.org";
    private static final String SNOMED = "http://snomed.info/sct";

    private record VitalSign(String code, String display, String unit, double low, double high) {}

    private static final List<VitalSign> VITAL_SIGNS = List.of(
            new VitalSign("8867-4", "Heart rate", "/min", 55, 110),
            new VitalSign("9279-1", "Respiratory rate", "/min", 10, 24),
            new VitalSign("8310-5", "Body temperature", "Cel", 36.0, 38.5),
            new VitalSign("29463-7", "Body weight", "kg", 45, 120),
            new VitalSign("8302-2", "Body height", "cm", 150, 195),
            new VitalSign("39156-5", "Body mass index (BMI) [Ratio]", "kg/m2", 18, 38),
            new VitalSign("59408-5", "Oxygen saturation in Arterial blood by Pulse oximetry", "%", 88, 100),
            new VitalSign("8480-6", "Systolic blood pressure", "mm[Hg]", 95, 170),
            new VitalSign("8462-4", "Diastolic blood pressure", "mm[Hg]", 55, 100));

    private static final List<CodeableConcept> CONDITIONS = List.of(
            concept(SNOMED, "38341003", "Hypertensive disorder, systemic arterial"),
            concept(SNOMED, "44054006", "Diabetes mellitus type 2"),
            concept(SNOMED, "195967001", "Asthma"),
            concept(SNOMED, "13645005", "Chronic obstructive lung disease"));

    private EhrBundles() {}

    /** {@code count} transactions, the same for the same {@code tag} and seed; each patient's MRN is {@code tag-n}. */
    static List<BenchStudy.Step> transactions(String tag, int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<BenchStudy.Step> steps = new ArrayList<>(count);
        for (int n = 0; n < count; n++) {
            Bundle bundle = transaction(mrn(tag, n), random);
            steps.add(new BenchStudy.Step(Fhir.json(bundle), bundle.getEntry().size()));
        }
        return steps;
    }

    static String mrn(String tag, int n) {
        return tag + "-" + n;
    }

    private static Bundle transaction(String mrn, SplittableRandom random) {
        Bundle bundle = new Bundle().setType(BundleType.TRANSACTION);
        String patientUrl = "urn:uuid:" + new java.util.UUID(random.nextLong(), random.nextLong());
        Patient patient = new Patient().setGender(random.nextBoolean() ? AdministrativeGender.FEMALE : AdministrativeGender.MALE)
                .setBirthDate(date(LocalDate.of(1940, 1, 1).plusDays(random.nextInt(60 * 365))));
        patient.addIdentifier().setSystem(MRN_SYSTEM).setValue(mrn);
        patient.addName().setFamily("Bench" + mrn.replace("-", "")).addGiven(random.nextBoolean() ? "Alex" : "Sam");
        bundle.addEntry().setFullUrl(patientUrl).setResource(patient).getRequest()
                .setMethod(HTTPVerb.POST).setUrl("Patient").setIfNoneExist("identifier=" + MRN_SYSTEM + "|" + mrn);
        LocalDate first = LocalDate.of(2024, 1, 1).plusDays(random.nextInt(600));
        for (int i = 0; i < OBSERVATIONS; i++) {
            VitalSign sign = VITAL_SIGNS.get(i % VITAL_SIGNS.size());
            Observation observation = new Observation().setStatus(Observation.ObservationStatus.FINAL)
                    .setCode(concept(LOINC, sign.code(), sign.display()))
                    .setSubject(new Reference(patientUrl))
                    .setEffective(new DateTimeType(date(first.plusDays(7L * (i / VITAL_SIGNS.size())))))
                    .setValue(new Quantity().setValue(BigDecimal.valueOf(sign.low() + random.nextDouble() * (sign.high() - sign.low()))
                                    .setScale(1, java.math.RoundingMode.HALF_UP))
                            .setUnit(sign.unit()).setSystem(UCUM).setCode(sign.unit()));
            observation.addCategory(concept("http://terminology.hl7.org/CodeSystem/observation-category", "vital-signs", "Vital Signs"));
            add(bundle, observation);
        }
        for (int i = 0; i < 2; i++) {
            Condition condition = new Condition().setCode(CONDITIONS.get((i * 2 + random.nextInt(2)) % CONDITIONS.size()))
                    .setSubject(new Reference(patientUrl))
                    .setClinicalStatus(concept("http://terminology.hl7.org/CodeSystem/condition-clinical", "active", "Active"))
                    .setVerificationStatus(concept("http://terminology.hl7.org/CodeSystem/condition-ver-status", "confirmed", "Confirmed"))
                    .setOnset(new DateTimeType(date(first.minusDays(30L + random.nextInt(3000)))));
            condition.addCategory(concept("http://terminology.hl7.org/CodeSystem/condition-category", "problem-list-item", "Problem List Item"));
            add(bundle, condition);
        }
        return bundle;
    }

    private static void add(Bundle bundle, Resource resource) {
        bundle.addEntry().setResource(resource).getRequest().setMethod(HTTPVerb.POST).setUrl(resource.fhirType());
    }

    private static CodeableConcept concept(String system, String code, String display) {
        CodeableConcept concept = new CodeableConcept();
        concept.addCoding().setSystem(system).setCode(code).setDisplay(display);
        return concept;
    }

    private static Date date(LocalDate day) {
        return Date.from(day.atStartOfDay(ZoneOffset.UTC).toInstant());
    }
}
