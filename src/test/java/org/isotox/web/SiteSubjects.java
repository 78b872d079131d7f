package org.isotox.web;


import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ResearchSubject;
import org.isotox.testsupport.Fhir;
import org.isotox.testsupport.IhrStudy;
import org.isotox.testsupport.Tokens;
import org.isotox.testsupport.TrialFixtures;

/** Subjects of the demo investigator dr-hmu2's site, for the form pages' tests, written over the API. */
final class SiteSubjects {

    record Enrolled(String subject, String patient) {}

    private SiteSubjects() {}

    /** An eligible patient of the site {@code ihr-hmu2}, named {@code family}, enrolled there on 5 January 2026. */
    static Enrolled enrolAtHmu2(IhrStudy study, String family) {
        String patient = TrialFixtures.eligiblePatientAs(Tokens.INVESTIGATOR_HMU2, family);
        String site = TrialFixtures.siteOrganization("ihr-hmu2");
        ResearchSubject subject = TrialFixtures.subject(study, patient, "2026-01-05");
        subject.getExtensionByUrl(IhrStudy.PROFILE_BASE + "research-subject-site").setValue(new Reference(site));
        return new Enrolled("ResearchSubject/" + Fhir.create(subject), patient);
    }
}
