package org.isotox.cohort.fhir;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirSystemDao;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ResearchStudy;
import org.isotox.cohort.domain.CohortGenerator;
import org.isotox.cohort.domain.CohortSettings;
import org.isotox.cohort.domain.SyntheticSubject;
import org.isotox.dose.domain.IsotoxicRules;
import org.isotox.dose.fhir.IsotoxicRulesReader;
import org.isotox.schedule.domain.Schedule;
import org.isotox.schedule.fhir.PlanScheduleReader;
import org.isotox.simon.domain.SimonDesign;
import org.isotox.simon.domain.StudyProtocol;
import org.isotox.simon.fhir.StudyProtocolReader;
import org.isotox.study.fhir.TrialStudies;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Writes a synthetic cohort into a trial study of this server, subject after subject, each as the
 * transactions of {@link SubjectBundles}, through the same storage (and so the same trial rules
 * and profile validation) as a request from outside.
 */
@Component
public class SyntheticCohortWriter {

    private static final Logger LOG = LoggerFactory.getLogger(SyntheticCohortWriter.class);

    private final IFhirSystemDao<Bundle, ?> systemDao;
    private final DaoRegistry daoRegistry;
    private final TrialStudies studies;
    private final IsotoxicRulesReader rulesReader;
    private final StudyProtocolReader protocolReader;
    private final PlanScheduleReader scheduleReader;

    SyntheticCohortWriter(
            IFhirSystemDao<Bundle, ?> systemDao,
            DaoRegistry daoRegistry,
            TrialStudies studies,
            IsotoxicRulesReader rulesReader,
            StudyProtocolReader protocolReader,
            PlanScheduleReader scheduleReader) {
        this.systemDao = systemDao;
        this.daoRegistry = daoRegistry;
        this.studies = studies;
        this.rulesReader = rulesReader;
        this.protocolReader = protocolReader;
        this.scheduleReader = scheduleReader;
    }

    /** The cohort these settings generate for the study, as transactions addressed to its sites. */
    public List<List<Bundle>> transactions(ResearchStudy study, CohortSettings settings, String idPrefix) {
        CohortTarget target = new CohortTarget(idPrefix, "ResearchStudy/" + study.getIdElement().getIdPart(), sitesOf(study));
        SubjectBundles bundles = new SubjectBundles(target);
        List<SyntheticSubject> subjects = new CohortGenerator(rulesOf(study), designOf(study), scheduleOf(study), target.siteOrganizations().size()).generate(settings);
        return subjects.stream().map(bundles::of).toList();
    }

    /** Writes the subjects' transactions in order; returns the number of subjects written. */
    public int write(List<List<Bundle>> subjects) {
        int written = 0;
        for (List<Bundle> subject : subjects) {
            subject.forEach(step -> systemDao.transaction(new SystemRequestDetails(), step));
            written++;
            if (written % 10 == 0 || written == subjects.size()) {
                LOG.info("Synthetic cohort: {} of {} subjects written", written, subjects.size());
            }
        }
        return written;
    }

    private IsotoxicRules rulesOf(ResearchStudy study) {
        return studies.protocols(study).stream()
                .flatMap(plan -> rulesReader.read(plan).stream())
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "ResearchStudy/" + study.getIdElement().getIdPart() + " has no protocol with isotoxic rules"));
    }

    private Schedule scheduleOf(ResearchStudy study) {
        return studies.protocols(study).stream()
                .flatMap(plan -> scheduleReader.read(plan).stream())
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "ResearchStudy/" + study.getIdElement().getIdPart() + " has no protocol with a visit schedule"));
    }

    private SimonDesign designOf(ResearchStudy study) {
        return protocolReader.read(study).map(StudyProtocol::design).orElseThrow(() -> new IllegalArgumentException(
                "ResearchStudy/" + study.getIdElement().getIdPart() + " has no Simon design"));
    }

    private List<String> sitesOf(ResearchStudy study) {
        return study.getSite().stream()
                .map(Reference::getReference)
                .map(site -> daoRegistry.getResourceDao(Location.class)
                        .read(new IdType(site).toUnqualifiedVersionless(), new SystemRequestDetails()))
                .map(location -> location.getManagingOrganization().getReference())
                .toList();
    }
}
