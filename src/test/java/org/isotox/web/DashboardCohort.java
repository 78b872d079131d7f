package org.isotox.web;

import static org.isotox.testsupport.Fhir.bundle;
import static org.isotox.testsupport.Fhir.fhirRequest;
import static org.isotox.testsupport.Fhir.parse;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ResearchSubject;
import org.isotox.testsupport.Dvhs;
import org.isotox.testsupport.Fhir;
import org.isotox.testsupport.IhrStudy;
import org.isotox.testsupport.Lesions;
import org.isotox.testsupport.TrialFixtures;

/**
 * A small study for the dashboard, written over the API: nine subjects enrolled in January 2026,
 * three at each shipped IHR site (so that the sites' investigators see their own), each with a
 * completed course; toxicities, DVHs, a progression, a death and a visit on some of them; the last
 * one withdrawn (so that the analysis populations differ).
 */
record DashboardCohort(IhrStudy study, List<Member> members) {

    static final String[] SITES = {"ihr-hmu2", "ihr-ncpb", "ihr-sjz1"};

    record Member(String patient, String subject, String siteCode) {}

    static DashboardCohort build() {
        IhrStudy study = TrialFixtures.newIhrStudy();
        List<String> organizations = List.of(organization(SITES[0]), organization(SITES[1]), organization(SITES[2]));
        List<Member> members = new ArrayList<>();
        LocalDate first = LocalDate.of(2026, 1, 5);
        for (int i = 0; i < 9; i++) {
            LocalDate enrolled = first.plusDays(2L * i);
            String patient = TrialFixtures.eligiblePatient();
            ResearchSubject subject = TrialFixtures.subject(study, patient, enrolled.toString());
            subject.getExtensionByUrl(IhrStudy.PROFILE_BASE + "research-subject-site").setValue(new Reference(organizations.get(i % 3)));
            String id = Fhir.create(subject);
            TrialFixtures.completeCourse(patient, enrolled.plusDays(7).toString(), enrolled.plusDays(44).toString(), 23);
            members.add(new Member(patient, "ResearchSubject/" + id, SITES[i % 3]));
        }
        TrialFixtures.recordToxicity(members.get(0).patient(), TrialFixtures.PNEUMONITIS, TrialFixtures.GRADE_3, "2026-03-10", 0);
        TrialFixtures.recordToxicity(members.get(1).patient(), TrialFixtures.ESOPHAGITIS, TrialFixtures.GRADE_2, "2026-02-10", 0);
        TrialFixtures.recordToxicity(members.get(2).patient(), TrialFixtures.PNEUMONITIS, TrialFixtures.GRADE_2, "2026-04-02", 0);
        TrialFixtures.recordToxicity(members.get(3).patient(), TrialFixtures.ESOPHAGITIS, TrialFixtures.GRADE_3, "2026-02-12", 0);
        Dvhs.lungV20Binds().storeFor(members.get(0).patient());
        Dvhs.lungV20Binds().storeFor(members.get(1).patient());
        esophagusBinds().storeFor(members.get(2).patient());
        esophagusBinds().storeFor(members.get(3).patient());
        String progressing = members.get(4).patient();
        Fhir.create(Lesions.target(progressing, "2026-01-10", "T1", "30", true));
        Fhir.create(Lesions.target(progressing, "2026-05-04", "T1", "42", true));
        die(members.get(5).patient(), "2026-06-15");
        visit(members.get(6).patient(), "2026-03-20");
        withdraw(members.get(8).subject(), "2026-04-01");
        return new DashboardCohort(study, members);
    }

    /** The DVHs of a plan whose oesophagus Dmax (66 Gy at 60) stops the escalation at 63 Gy. */
    static Dvhs esophagusBinds() {
        return Dvhs.at(60)
                .with("SpinalCord", "0:100 20:0")
                .with("Lungs-GTV", "0:100 5:50 10:38 15:34 20:25 40:8 60:0")
                .with("Esophagus", "0:100 40:20 66:0");
    }

    List<Member> at(String siteCode) {
        return members.stream().filter(m -> m.siteCode().equals(siteCode)).toList();
    }

    String studyId() {
        return study.study().getIdElement().getIdPart();
    }

    private static String organization(String siteCode) {
        return "Organization/" + bundle(fhirRequest()
                        .get("/Organization?identifier=https://isotox.org/fhir/sid/site|" + siteCode)
                        .then().statusCode(200).extract().response())
                .getEntryFirstRep().getResource().getIdElement().getIdPart();
    }

    private static void die(String patient, String date) {
        Patient record = parse(fhirRequest().get("/" + patient).then().statusCode(200).extract().response(), Patient.class);
        record.setDeceased(new DateTimeType(date));
        fhirRequest(record).put("/" + patient).then().statusCode(200);
    }

    private static void withdraw(String subject, String date) {
        ResearchSubject record = parse(fhirRequest().get("/" + subject).then().statusCode(200).extract().response(), ResearchSubject.class);
        record.setStatus(ResearchSubject.ResearchSubjectStatus.WITHDRAWN);
        record.getPeriod().setEndElement(new DateTimeType(date));
        fhirRequest(record).put("/" + subject).then().statusCode(200);
    }

    private static void visit(String patient, String date) {
        Encounter encounter = new Encounter().setStatus(Encounter.EncounterStatus.FINISHED)
                .setClass_(new Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "AMB", "ambulatory"))
                .setSubject(new Reference(patient));
        encounter.getPeriod().setStartElement(new DateTimeType(date)).setEndElement(new DateTimeType(date));
        Fhir.create(encounter);
    }
}
