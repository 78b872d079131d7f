package org.isotox.cohort.fhir;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import java.time.LocalDate;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Practitioner;
import org.isotox.cohort.domain.CohortSettings;
import org.isotox.security.domain.Owner;
import org.isotox.security.fhir.OwnershipLabels;
import org.isotox.security.fhir.SecurityProperties;
import org.isotox.security.fhir.SecurityProperties.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * With the demo accounts on: the records the demo users' {@code fhirUser} names, so that an app can read
 * who signed in. A Practitioner per demo practitioner (his site's, when he has one); the demo patient is a
 * synthetic subject ({@link SyntheticCohortWriter}, id {@code {prefix}-0001}) enrolled in the default study
 * three weeks ago through the trial's rules like any other, at the study's first site. Written at start-up when
 * missing; a restart adds nothing.
 */
@Component
@ConditionalOnExpression("${isotox.security.embedded-issuer.demo.enabled:false} and '${isotox.security.issuer-uri:}'.isEmpty()")
@Order(DemoPeopleLoader.AFTER_STUDY_DEFINITIONS)
class DemoPeopleLoader implements ApplicationRunner {

    static final int AFTER_STUDY_DEFINITIONS = 50;
    static final String DEMO_USER_SYSTEM = "https://isotox.org/fhir/sid/demo-user";
    private static final String FIRST_SUBJECT = "-0001";
    private static final long SEED = 20260105;
    private static final Logger LOG = LoggerFactory.getLogger(DemoPeopleLoader.class);

    private final SecurityProperties security;
    private final DaoRegistry daoRegistry;
    private final SyntheticCohortWriter writer;
    private final String studyIdentifier;

    DemoPeopleLoader(SecurityProperties security, DaoRegistry daoRegistry, SyntheticCohortWriter writer,
            @Value("${isotox.default-study}") String studyIdentifier) {
        this.security = security;
        this.daoRegistry = daoRegistry;
        this.writer = writer;
        this.studyIdentifier = studyIdentifier;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (User user : security.embeddedIssuer().demo().users()) {
            IdType fhirUser = new IdType(user.fhirUser());
            if ("Practitioner".equals(fhirUser.getResourceType())) {
                practitioner(user, fhirUser.getIdPart());
            } else if ("Patient".equals(fhirUser.getResourceType())) {
                patient(user, fhirUser.getIdPart());
            }
        }
    }

    private void practitioner(User user, String id) {
        if (exists("Practitioner", id)) {
            return;
        }
        Practitioner practitioner = new Practitioner();
        practitioner.setId(id);
        practitioner.addIdentifier().setSystem(DEMO_USER_SYSTEM).setValue(user.username());
        practitioner.addName().setText("Demo user " + user.username());
        if (!user.site().isBlank()) {
            OwnershipLabels.stamp(practitioner, Owner.site(user.site()));
        }
        daoRegistry.getResourceDao(Practitioner.class).update(practitioner, new SystemRequestDetails());
        LOG.info("Demo user {}: Practitioner/{} written", user.username(), id);
    }

    private void patient(User user, String id) {
        if (!id.endsWith(FIRST_SUBJECT)) {
            LOG.warn("Demo user {}: fhirUser Patient/{} is not the first subject of a synthetic cohort ({prefix}{}); not written",
                    user.username(), id, FIRST_SUBJECT);
            return;
        }
        if (StoredCohorts.written(daoRegistry, id)) {
            return;
        }
        String prefix = id.substring(0, id.length() - FIRST_SUBJECT.length());
        LocalDate today = LocalDate.now();
        List<List<Bundle>> subject = writer.transactions(StoredCohorts.study(daoRegistry, studyIdentifier),
                new CohortSettings(SEED, 1, today.minusWeeks(3), 21, today), prefix);
        try {
            writer.write(subject);
            LOG.info("Demo user {}: Patient/{} enrolled in {}", user.username(), id, studyIdentifier);
        } catch (BaseServerResponseException e) {
            // a study closed by its stopping rule enrols nobody: the patient's work-up stays, without a study
            LOG.warn("Demo user {}: Patient/{} not enrolled in {}: {}", user.username(), id, studyIdentifier, e.getMessage());
        }
    }

    private boolean exists(String type, String id) {
        try {
            daoRegistry.getResourceDao(type).read(new IdType(type, id), new SystemRequestDetails());
            return true;
        } catch (BaseServerResponseException e) {
            return false;
        }
    }
}
