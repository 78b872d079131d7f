package org.isotox.testsupport;

import static org.isotox.testsupport.Fhir.bundle;
import static org.isotox.testsupport.Fhir.fhirRequest;

import io.restassured.response.Response;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.hl7.fhir.r4.model.Bundle.BundleEntryComponent;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.PlanDefinition;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ResearchStudy;
import org.hl7.fhir.r4.model.ResearchSubject;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.UnsignedIntType;

/**
 * Trial data for integration tests, written over the API: private copies of the IHR study (so that
 * tests enrolling subjects do not share one study's 30 places), eligible patients, toxicity
 * records and delivered courses.
 */
public final class TrialFixtures {

    public static final String NCIT = "http://ncicb.nci.nih.gov/xml/owl/EVS/Thesaurus.owl";
    public static final String PNEUMONITIS = "C143767";
    public static final String ESOPHAGITIS = "C57797";
    public static final String GRADE_2 = "C41339";
    public static final String GRADE_3 = "C41340";
    public static final String GRADE_4 = "C41337";

    private TrialFixtures() {}

    /** A new study with the IHR definition (rules, eligibility, schedule, sites) under fresh identifiers. */
    public static IhrStudy newIhrStudy() {
        return newIhrStudy(study -> {});
    }

    /** The same, with {@code change} made to its ResearchStudy first (another reading of the protocol, say). */
    public static IhrStudy newIhrStudy(Consumer<ResearchStudy> change) {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Bundle definition = ihrDefinitionCopy(tag);
        change.accept(studyIn(definition));
        fhirRequest(definition).post("/").then().statusCode(200);
        return IhrStudy.load(IhrStudy.NCT + "-" + tag);
    }

    /**
     * The shipped IHR definition as a transaction that creates a copy of it: identifiers and the
     * protocol's URL suffixed with {@code tag}; the study's identifier becomes {@code NCT03606291-tag}.
     */
    public static Bundle ihrDefinitionCopy(String tag) {
        Bundle definition = shippedIhrDefinition();
        for (BundleEntryComponent entry : definition.getEntry()) {
            Resource resource = entry.getResource();
            if (resource instanceof PlanDefinition plan) {
                plan.setUrl(plan.getUrl() + "-" + tag);
                entry.getRequest().setIfNoneExist("url=" + plan.getUrl());
            } else {
                Identifier identifier = (Identifier) resource.getNamedProperty("identifier").getValues().get(0);
                resource.getNamedProperty("identifier").getValues().stream()
                        .map(Identifier.class::cast)
                        .forEach(i -> i.setValue(i.getValue() + "-" + tag));
                entry.getRequest().setIfNoneExist("identifier=" + identifier.getSystem() + "|" + identifier.getValue());
            }
        }
        return definition;
    }

    /** A new patient who meets every IHR eligibility criterion; returns {@code Patient/id}. */
    public static String eligiblePatient() {
        return eligiblePatientWithout();
    }

    /** The facts of the eligible patient's work-up that a test may record in another shape. */
    public enum WorkUpFact {
        NSCLC_DIAGNOSIS,
        STAGE_GROUP,
        KARNOFSKY
    }

    /** The eligible patient's record without the {@code omitted} facts; returns {@code Patient/id}. */
    public static String eligiblePatientWithout(WorkUpFact... omitted) {
        Bundle created = bundle(fhirRequest(EligiblePatient.transaction(Set.of(omitted))).post("/").then().statusCode(200).extract().response());
        return created.getEntryFirstRep().getResponse().getLocation().replaceAll("/_history/.*", "");
    }

    /**
     * The eligible patient's record, named {@code family}, written by the demo client {@code clientId}
     * (a site's investigator or EHR: the patient is then that site's); returns {@code Patient/id}.
     */
    public static String eligiblePatientAs(String clientId, String family) {
        Bundle record = EligiblePatient.transaction();
        ((Patient) record.getEntryFirstRep().getResource()).getNameFirstRep().setFamily(family);
        Bundle created = bundle(Fhir.fhirRequestAs(clientId).body(Fhir.json(record)).post("/").then().statusCode(200).extract().response());
        return created.getEntryFirstRep().getResponse().getLocation().replaceAll("/_history/.*", "");
    }

    /** The Organization of the trial site {@code code} (e.g. {@code ihr-hmu2}), as {@code Organization/id}. */
    public static String siteOrganization(String code) {
        return bundle(fhirRequest().get("/Organization?identifier=https://isotox.org/fhir/sid/site|" + code)
                .then().statusCode(200).extract().response())
                .getEntryFirstRep().getResource().getIdElement().toUnqualifiedVersionless().getValue();
    }

    /** The eligible patient's record as one transaction, not yet sent (the Patient is its first entry). */
    public static Bundle eligiblePatientRecord() {
        return EligiblePatient.transaction();
    }

    /** Tries to enrol the patient in the study; returns the server's answer. */
    public static Response enrol(IhrStudy study, String patient, String enrolmentDate) {
        return fhirRequest(subject(study, patient, enrolmentDate)).post("/ResearchSubject");
    }

    /** A ResearchSubject that puts the patient on the study at its first site. */
    public static ResearchSubject subject(IhrStudy study, String patient, String enrolmentDate) {
        ResearchSubject subject = new ResearchSubject()
                .setStatus(ResearchSubject.ResearchSubjectStatus.ONSTUDY)
                .setStudy(new Reference(study.studyReference()))
                .setIndividual(new Reference(patient));
        subject.getPeriod().setStartElement(new DateTimeType(enrolmentDate));
        subject.addExtension(IhrStudy.PROFILE_BASE + "research-subject-site", new Reference(study.siteOrganization()));
        return subject;
    }

    /** Records a CTCAE toxicity grading; returns {@code Observation/id}. */
    public static String recordToxicity(String patient, String term, String grade, String date, int interruptionDays) {
        return "Observation/" + Fhir.create(toxicity(patient, term, grade, date, interruptionDays));
    }

    /** A CTCAE toxicity grading, not yet written. */
    public static Observation toxicity(String patient, String term, String grade, String date, int interruptionDays) {
        Observation toxicity = new Observation().setStatus(Observation.ObservationStatus.FINAL);
        toxicity.getCode().addCoding(new Coding(NCIT, term, null));
        toxicity.setSubject(new Reference(patient));
        toxicity.setEffective(new DateTimeType(date));
        toxicity.setValue(new CodeableConcept().addCoding(new Coding(NCIT, grade, null)));
        if (interruptionDays > 0) {
            toxicity.addComponent()
                    .setCode(new CodeableConcept().addCoding(new Coding("https://isotox.org/fhir/CodeSystem/isotox", "rt-interruption-days", null)))
                    .setValue(new Quantity().setValue(interruptionDays).setUnit("d").setSystem("http://unitsofmeasure.org").setCode("d"));
        }
        return toxicity;
    }

    /** Records a completed radiotherapy course from {@code start} to {@code end} (the last fraction); returns {@code Procedure/id}. */
    public static String completeCourse(String patient, String start, String end, int fractions) {
        Procedure course = new Procedure().setStatus(Procedure.ProcedureStatus.COMPLETED);
        course.addExtension(IhrStudy.PROFILE_BASE + "fractions-delivered", new UnsignedIntType(fractions));
        course.getCategory().addCoding(new Coding("http://snomed.info/sct", "1287742003", "Radiotherapy (procedure)"));
        course.getCode().addCoding(new Coding("http://snomed.info/sct", "1217123003", "Radiotherapy course of treatment (regime/therapy)"));
        course.setSubject(new Reference(patient));
        course.getPerformedPeriod().setStartElement(new DateTimeType(start)).setEndElement(new DateTimeType(end));
        return "Procedure/" + Fhir.create(course);
    }

    /** Records one delivered fraction of 3 Gy to the PTV on each of these days, in one transaction. */
    public static void deliverFractions(String patient, LocalDate... days) {
        Bundle fractions = new Bundle().setType(Bundle.BundleType.TRANSACTION);
        for (LocalDate day : days) {
            Procedure fraction = new Procedure().setStatus(Procedure.ProcedureStatus.COMPLETED).setSubject(new Reference(patient));
            fraction.getCode().addCoding(new Coding("https://isotox.org/fhir/CodeSystem/isotox", "radiotherapy-fraction", null));
            fraction.setPerformed(new DateTimeType(day.toString()));
            Extension dose = fraction.addExtension().setUrl(IhrStudy.PROFILE_BASE + "dose-delivered-to-volume");
            dose.addExtension("volume", new CodeableConcept().addCoding(new Coding(Dvhs.TG263, "PTV", null)));
            dose.addExtension("totalDoseDelivered", Dvhs.gray(3));
            dose.addExtension("fractionsDelivered", new UnsignedIntType(1));
            fractions.addEntry().setResource(fraction).getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Procedure");
        }
        fhirRequest(fractions).post("/").then().statusCode(200);
    }

    /** The days the patient's follow-up visits on the study are scheduled for (its schedule Tasks). */
    public static List<String> followUpVisits(IhrStudy study, String patient) {
        String subject = bundle(fhirRequest().header("Cache-Control", "no-cache")
                .get("/ResearchSubject?individual=" + patient + "&study=" + study.studyReference()).then().statusCode(200)
                .extract().response()).getEntryFirstRep().getResource().getIdElement().toUnqualifiedVersionless().getValue();
        return bundle(fhirRequest().header("Cache-Control", "no-cache").get("/Task?focus=" + subject + "&_count=200")
                        .then().statusCode(200).extract().response())
                .getEntry().stream()
                .map(e -> (Task) e.getResource())
                .filter(t -> "follow-up-visit".equals(t.getCode().getCodingFirstRep().getCode()))
                .map(t -> ((DateType) t.getInputFirstRep().getValue()).getValueAsString())
                .toList();
    }

    public static Bundle shippedIhrDefinition() {
        try (InputStream in = TrialFixtures.class.getResourceAsStream("/isotox/studies/ihr/Bundle-ihr-study-definition.json")) {
            return Fhir.R4.newJsonParser().parseResource(Bundle.class, in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static ResearchStudy studyIn(Bundle bundle) {
        return (ResearchStudy) bundle.getEntry().stream()
                .filter(e -> e.getResource() instanceof ResearchStudy)
                .findFirst()
                .orElseThrow()
                .getResource();
    }
}
