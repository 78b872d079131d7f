package org.isotox.cohort.fhir;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ResearchStudy;
import org.isotox.cohort.domain.CohortSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * With {@code isotox.demo-cohort=true}: a live trial for a first look. Thirty synthetic subjects
 * (seed {@value #SEED}) enrolled in the default study from June 2024, one every three weeks, with
 * their records up to today. They are written after the study definitions, in the background
 * (a few minutes: every record goes through the trial's rules), so the server answers at once and
 * the dashboard fills as subjects arrive. Skipped when the cohort's last subject is already
 * there, so that a restart adds nothing.
 */
@Component
@ConditionalOnProperty(name = "isotox.demo-cohort", havingValue = "true")
@Order(DemoCohortLoader.AFTER_STUDY_DEFINITIONS)
class DemoCohortLoader implements ApplicationRunner {

    static final int AFTER_STUDY_DEFINITIONS = 100;
    static final long SEED = 20180728;
    static final String ID_PREFIX = "demo";
    private static final int SUBJECTS = 30;
    private static final LocalDate FIRST_ENROLMENT = LocalDate.of(2024, 6, 3);
    private static final Logger LOG = LoggerFactory.getLogger(DemoCohortLoader.class);

    private final SyntheticCohortWriter writer;
    private final DaoRegistry daoRegistry;
    private final String studyIdentifier;
    private final Clock clock;

    DemoCohortLoader(SyntheticCohortWriter writer, DaoRegistry daoRegistry,
            @Value("${isotox.default-study}") String studyIdentifier) {
        this.writer = writer;
        this.daoRegistry = daoRegistry;
        this.studyIdentifier = studyIdentifier;
        this.clock = Clock.systemDefaultZone();
    }

    @Override
    public void run(ApplicationArguments args) {
        ResearchStudy study = StoredCohorts.study(daoRegistry, studyIdentifier);
        String lastPatient = CohortTarget.subjectId(ID_PREFIX, SUBJECTS);
        if (StoredCohorts.written(daoRegistry, lastPatient)) {
            LOG.info("Demo cohort: already loaded into {}", studyIdentifier);
            return;
        }
        CohortSettings settings = new CohortSettings(SEED, SUBJECTS, FIRST_ENROLMENT, 21, LocalDate.now(clock));
        List<List<Bundle>> subjects = writer.transactions(study, settings, ID_PREFIX);
        LOG.info("Demo cohort: writing {} synthetic subjects into {} ({} transactions)", SUBJECTS, studyIdentifier,
                subjects.stream().mapToInt(List::size).sum());
        Thread background = new Thread(() -> {
            try {
                writer.write(subjects);
            } catch (RuntimeException e) {
                LOG.error("Demo cohort: stopped by an error; the subjects written so far stay", e);
            }
        }, "demo-cohort");
        background.setDaemon(true);
        background.start();
    }
}
