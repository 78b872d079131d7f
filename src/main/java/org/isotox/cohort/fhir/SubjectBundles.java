package org.isotox.cohort.fhir;

import static org.isotox.cohort.fhir.CohortResources.LOINC;
import static org.isotox.cohort.fhir.CohortResources.SCT;
import static org.isotox.cohort.fhir.CohortResources.TG263;
import static org.isotox.cohort.fhir.CohortResources.concept;
import static org.isotox.cohort.fhir.CohortResources.dateTime;
import static org.isotox.cohort.fhir.CohortResources.flag;
import static org.isotox.cohort.fhir.CohortResources.gray;
import static org.isotox.cohort.fhir.CohortResources.isotox;
import static org.isotox.cohort.fhir.CohortResources.observation;
import static org.isotox.cohort.fhir.CohortResources.quantity;
import static org.isotox.cohort.fhir.CohortResources.simpleQuantity;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.ImagingStudy;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.PositiveIntType;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ResearchSubject;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.UnsignedIntType;
import org.isotox.cohort.domain.SyntheticSubject;
import org.isotox.cohort.domain.SyntheticSubject.Lab;
import org.isotox.cohort.domain.SyntheticSubject.Lesion;
import org.isotox.cohort.domain.SyntheticSubject.Toxicity;
import org.isotox.cohort.domain.SyntheticSubject.Visit;
import org.isotox.dose.domain.DvhPoint;
import org.isotox.fhir.Canonicals;

/**
 * A generated subject as the transactions its hospital's systems would send, in the order the
 * trial's rules need them: the work-up (so that eligibility is decided on stored data), the
 * enrolment, the plan's DVHs, the draft prescription, the physicist's and the radiation
 * oncologist's approvals of it, its activation, the delivered fractions, each contact after
 * enrolment, and the death. Every resource has a logical id derived from the target's prefix and
 * is written with PUT, so that sending a subject's transactions again creates nothing twice.
 */
public final class SubjectBundles {

    public static final String SYNTHETIC_PATIENT = Canonicals.BASE + "/sid/synthetic-patient";
    private static final String C30 = Canonicals.BASE + "/Questionnaire/eortc-qlq-c30";
    private static final String LC13 = Canonicals.BASE + "/Questionnaire/eortc-qlq-lc13";
    private static final String PRESCRIPTION_CODE = "1222565005";

    private final CohortTarget target;

    public SubjectBundles(CohortTarget target) {
        this.target = target;
    }

    /** The subject's transactions, to be sent one after the other. */
    public List<Bundle> of(SyntheticSubject subject) {
        String id = target.subjectId(subject.number());
        String patient = "Patient/" + id;
        String site = target.siteOrganizations().get(subject.site() % target.siteOrganizations().size());
        List<Bundle> steps = new ArrayList<>();
        steps.add(workup(subject, id, patient, site));
        steps.add(transaction(enrolment(subject, id, patient, site)));
        steps.add(transaction(dvhs(subject, id, patient)));
        steps.add(transaction(List.of(prescription(subject, id, patient, false))));
        steps.add(transaction(approvals(subject, id, site)));
        steps.add(transaction(List.of(prescription(subject, id, patient, true))));
        steps.add(transaction(fractions(subject, id, patient)));
        for (Visit visit : subject.visits()) {
            steps.add(transaction(visit(visit, id, patient)));
        }
        subject.death().ifPresent(death -> {
            Patient deceased = patient(subject, id, site);
            deceased.setDeceased(new DateTimeType(death.toString()));
            steps.add(transaction(List.of(deceased)));
        });
        return steps;
    }

    private Bundle workup(SyntheticSubject subject, String id, String patient, String site) {
        SyntheticSubject.Workup workup = subject.workup();
        List<Resource> resources = new ArrayList<>();
        resources.add(patient(subject, id, site));
        Condition cancer = new Condition().setSubject(new Reference(patient));
        cancer.setId(id + "-nsclc");
        cancer.getCode().addCoding(new Coding(SCT, "254637007", "Non-small cell lung cancer (disorder)"));
        cancer.getClinicalStatus().addCoding(new Coding("http://terminology.hl7.org/CodeSystem/condition-clinical", "active", null));
        cancer.getVerificationStatus().addCoding(
                new Coding("http://terminology.hl7.org/CodeSystem/condition-ver-status", "confirmed", null));
        cancer.setOnset(dateTime(workup.diagnosis()));
        resources.add(cancer);
        resources.add(observation(id + "-stage", patient, new Coding(SCT, "399537006", "Clinical TNM stage grouping (observable entity)"),
                concept(new Coding(Canonicals.BASE + "/CodeSystem/tnm-stage-group", workup.stage(), "Stage " + workup.stage())),
                workup.diagnosis().plusDays(10)));
        resources.add(observation(id + "-kps", patient, new Coding(LOINC, "89243-0", "Karnofsky Performance Status score"),
                new IntegerType(workup.karnofsky()), workup.date()));
        resources.add(observation(id + "-life-expectancy", patient, isotox("life-expectancy"),
                quantity(workup.lifeExpectancyMonths(), "mo"), workup.date()));
        resources.add(observation(id + "-judgement", patient, isotox("investigator-judgement-unsuitable"),
                new BooleanType(false), workup.date()));
        for (Lab lab : workup.labs()) {
            resources.add(lab(id, patient, lab, workup));
        }
        for (Lesion lesion : workup.baselineLesions()) {
            resources.add(lesion(id + "-baseline", patient, lesion, workup.date()));
        }
        return transaction(resources);
    }

    private static Patient patient(SyntheticSubject subject, String id, String site) {
        Patient patient = new Patient()
                .setGender(subject.workup().male() ? AdministrativeGender.MALE : AdministrativeGender.FEMALE)
                .setBirthDateElement(new DateType(subject.workup().birthDate().toString()))
                .setManagingOrganization(new Reference(site));
        patient.setId(id);
        patient.addIdentifier().setSystem(SYNTHETIC_PATIENT).setValue(id);
        patient.addName(new HumanName().setFamily("Synthetic").addGiven("Subject " + id));
        return patient;
    }

    private static Observation lab(String id, String patient, Lab lab, SyntheticSubject.Workup workup) {
        Observation observation = observation(id + "-lab-" + lab.loinc(), patient, new Coding(LOINC, lab.loinc(), null),
                quantity(lab.value(), lab.unit()), workup.date());
        observation.addCategory().addCoding(
                new Coding("http://terminology.hl7.org/CodeSystem/observation-category", "laboratory", null));
        observation.addReferenceRange().setLow(simpleQuantity(lab.low(), lab.unit())).setHigh(simpleQuantity(lab.high(), lab.unit()));
        return observation;
    }

    private List<Resource> enrolment(SyntheticSubject subject, String id, String patient, String site) {
        ResearchSubject enrolled = new ResearchSubject()
                .setStatus(ResearchSubject.ResearchSubjectStatus.ONSTUDY)
                .setStudy(new Reference(target.studyReference()))
                .setIndividual(new Reference(patient));
        enrolled.setId(id);
        enrolled.getPeriod().setStartElement(new DateTimeType(subject.enrolment().toString()));
        enrolled.addExtension(Canonicals.structureDefinition("research-subject-site"), new Reference(site));
        return List.of(enrolled);
    }

    private static List<Resource> dvhs(SyntheticSubject subject, String id, String patient) {
        SyntheticSubject.Plan plan = subject.plan();
        List<Resource> dvhs = new ArrayList<>();
        for (Map.Entry<String, List<DvhPoint>> curve : plan.dvhs().entrySet()) {
            Observation dvh = observation(id + "-dvh-" + curve.getKey().toLowerCase(Locale.ROOT), patient,
                    new Coding(Canonicals.ISOTOX_CODES, "dvh", "Dose-volume histogram"), null, plan.planned());
            dvh.setBodySite(concept(new Coding(TG263, curve.getKey(), null)));
            dvh.addComponent().setCode(concept(isotox("reference-dose"))).setValue(gray(plan.referenceDoseGy()));
            for (DvhPoint point : curve.getValue()) {
                dvh.addComponent().setCode(concept(isotox("dvh-point"))).setValue(quantity(point.volumePercent(), "%"))
                        .addExtension(Canonicals.structureDefinition("dvh-point-dose"), gray(point.doseGy()));
            }
            dvhs.add(dvh);
        }
        return dvhs;
    }

    private static ServiceRequest prescription(SyntheticSubject subject, String id, String patient, boolean active) {
        SyntheticSubject.Plan plan = subject.plan();
        ServiceRequest prescription = new ServiceRequest()
                .setStatus(active ? ServiceRequest.ServiceRequestStatus.ACTIVE : ServiceRequest.ServiceRequestStatus.DRAFT)
                .setIntent(ServiceRequest.ServiceRequestIntent.ORIGINALORDER)
                .setSubject(new Reference(patient))
                .setAuthoredOnElement(new DateTimeType(plan.planned().toString()));
        prescription.setId(id + "-rx");
        prescription.addCategory().addCoding(new Coding(SCT, "1287742003", "Radiotherapy (procedure)"));
        prescription.getCode().addCoding(new Coding(SCT, PRESCRIPTION_CODE, "Radiotherapy treatment phase (regime/therapy)"));
        Extension dose = prescription.addExtension().setUrl(Canonicals.structureDefinition("dose-prescribed-to-volume"));
        dose.addExtension("volume", concept(new Coding(TG263, "PTV", null)));
        dose.addExtension("fractionDose", gray(plan.fractionDoseGy()));
        dose.addExtension("totalDose", gray(plan.totalDoseGy()));
        dose.addExtension("fractions", new PositiveIntType(plan.fractions()));
        return prescription;
    }

    private List<Resource> approvals(SyntheticSubject subject, String id, String site) {
        String siteKey = site.substring(site.indexOf('/') + 1);
        Practitioner physicist = practitioner(target.idPrefix() + "-physicist-" + siteKey, "Physicist");
        Practitioner oncologist = practitioner(target.idPrefix() + "-oncologist-" + siteKey, "Oncologist");
        return List.of(physicist, oncologist,
                approval(id + "-rx-physicist", id, physicist, "physicist-approval", subject),
                approval(id + "-rx-oncologist", id, oncologist, "radiation-oncologist-approval", subject));
    }

    private static Practitioner practitioner(String id, String family) {
        Practitioner practitioner = new Practitioner();
        practitioner.setId(id);
        practitioner.addName(new HumanName().setFamily(family).addGiven("Synthetic"));
        return practitioner;
    }

    private static Provenance approval(String id, String subjectId, Practitioner approver, String role, SyntheticSubject subject) {
        Provenance approval = new Provenance();
        approval.setId(id);
        approval.addTarget(new Reference("ServiceRequest/" + subjectId + "-rx/_history/1"));
        approval.setRecorded(Date.valueOf(subject.plan().planned().plusDays(1)));
        approval.addAgent().setWho(new Reference("Practitioner/" + approver.getIdElement().getIdPart()))
                .addRole(concept(isotox(role)));
        return approval;
    }

    private static List<Resource> fractions(SyntheticSubject subject, String id, String patient) {
        List<Resource> fractions = new ArrayList<>();
        int number = 0;
        for (LocalDate day : subject.fractionDays()) {
            number++;
            Procedure fraction = new Procedure().setStatus(Procedure.ProcedureStatus.COMPLETED).setSubject(new Reference(patient));
            fraction.setId(id + "-fx-" + number);
            fraction.getCode().addCoding(isotox("radiotherapy-fraction"));
            fraction.setPerformed(dateTime(day));
            Extension dose = fraction.addExtension().setUrl(Canonicals.structureDefinition("dose-delivered-to-volume"));
            dose.addExtension("volume", concept(new Coding(TG263, "PTV", null)));
            dose.addExtension("totalDoseDelivered", gray(subject.plan().fractionDoseGy()));
            dose.addExtension("fractionsDelivered", new UnsignedIntType(1));
            fractions.add(fraction);
        }
        return fractions;
    }

    private static List<Resource> visit(Visit visit, String id, String patient) {
        String prefix = id + "-" + visit.key();
        List<Resource> resources = new ArrayList<>();
        if (visit.encounter()) {
            Encounter encounter = new Encounter().setStatus(Encounter.EncounterStatus.FINISHED)
                    .setClass_(new Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "AMB", "ambulatory"))
                    .setSubject(new Reference(patient));
            encounter.setId(prefix);
            encounter.getPeriod().setStartElement(dateTime(visit.date())).setEndElement(dateTime(visit.date()));
            resources.add(encounter);
        }
        visit.answers().ifPresent(answers -> {
            resources.add(questionnaire(prefix + "-c30", C30, answers.qlqC30(), patient, visit));
            resources.add(questionnaire(prefix + "-lc13", LC13, answers.qlqLc13(), patient, visit));
        });
        for (Toxicity toxicity : visit.toxicities()) {
            resources.add(toxicity(prefix + "-" + toxicity.term(), patient, toxicity, visit));
        }
        if (visit.imaging()) {
            ImagingStudy ct = new ImagingStudy().setStatus(ImagingStudy.ImagingStudyStatus.AVAILABLE).setSubject(new Reference(patient));
            ct.setId(prefix + "-ct");
            ct.setStartedElement(dateTime(visit.date()));
            ct.addModality(new Coding("http://dicom.nema.org/resources/ontology/DCM", "CT", "Computed Tomography"));
            resources.add(ct);
        }
        for (Lesion lesion : visit.lesions()) {
            resources.add(lesion(prefix, patient, lesion, visit.date()));
        }
        return resources;
    }

    private static QuestionnaireResponse questionnaire(
            String id, String questionnaire, Map<Integer, Integer> answers, String patient, Visit visit) {
        QuestionnaireResponse response = new QuestionnaireResponse()
                .setStatus(QuestionnaireResponse.QuestionnaireResponseStatus.COMPLETED)
                .setQuestionnaire(questionnaire)
                .setSubject(new Reference(patient))
                .setAuthoredElement(dateTime(visit.date()));
        response.setId(id);
        answers.forEach((item, value) -> response.addItem().setLinkId(Integer.toString(item))
                .addAnswer().setValue(new Coding().setCode(Integer.toString(value))));
        return response;
    }

    private static Observation toxicity(String id, String patient, Toxicity toxicity, Visit visit) {
        Observation grading = observation(id, patient, new Coding(Canonicals.NCIT, toxicity.term(), null),
                concept(new Coding(Canonicals.NCIT, toxicity.grade(), null)), visit.date());
        if (toxicity.interruptionDays() > 0) {
            grading.addComponent().setCode(concept(isotox("rt-interruption-days")))
                    .setValue(quantity(toxicity.interruptionDays(), "d"));
        }
        return grading;
    }

    private static Observation lesion(String prefix, String patient, Lesion lesion, LocalDate date) {
        Observation measurement = observation(prefix + "-lesion-" + lesion.id().toLowerCase(Locale.ROOT), patient,
                isotox("recist-lesion-measurement"), null, date);
        measurement.addComponent().setCode(concept(isotox("recist-lesion-id"))).setValue(new StringType(lesion.id()));
        flag(measurement, "recist-target-lesion", !lesion.newLesion());
        flag(measurement, "recist-lymph-node", false);
        if (lesion.newLesion()) {
            measurement.setValue(new CodeableConcept().addCoding(
                    new Coding(Canonicals.BASE + "/CodeSystem/recist-lesion-status", "present", null)));
            flag(measurement, "recist-new-lesion", true);
        } else {
            measurement.setValue(quantity(lesion.diameterMm(), "mm"));
            flag(measurement, "recist-lesion-in-field", lesion.inField());
        }
        return measurement;
    }

    private static Bundle transaction(List<Resource> resources) {
        Bundle bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
        for (Resource resource : resources) {
            String url = resource.fhirType() + "/" + resource.getIdElement().getIdPart();
            bundle.addEntry()
                    .setResource(resource)
                    .getRequest()
                    .setMethod(Bundle.HTTPVerb.PUT)
                    .setUrl(url);
        }
        return bundle;
    }
}
