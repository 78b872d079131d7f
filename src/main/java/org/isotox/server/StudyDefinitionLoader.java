package org.isotox.server;

import org.isotox.fhir.DefinitionFiles;
import ca.uhn.fhir.jpa.api.dao.IFhirSystemDao;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleEntryComponent;
import org.hl7.fhir.r4.model.Bundle.BundleType;
import org.hl7.fhir.r4.model.Bundle.HTTPVerb;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Loads each shipped study definition bundle at start-up when it is absent. Every entry must be a
 * conditional create ({@code ifNoneExist} on an identifier or canonical URL): a restart then
 * changes nothing, and what trial staff changed on the server since (a study's status, say) stays.
 */
@Component
@Order(DefinitionLoadOrder.STUDIES)
class StudyDefinitionLoader implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(StudyDefinitionLoader.class);

    private final DefinitionFiles files;
    private final IFhirSystemDao<Bundle, ?> systemDao;

    StudyDefinitionLoader(DefinitionFiles files, IFhirSystemDao<Bundle, ?> systemDao) {
        this.files = files;
        this.systemDao = systemDao;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (Bundle study : files.studies()) {
            requireConditionalCreates(study);
            Bundle response = systemDao.transaction(new SystemRequestDetails(), study);
            long created = response.getEntry().stream()
                    .filter(entry -> entry.getResponse().getStatus().startsWith("201"))
                    .count();
            LOG.info("Study definition {}: {} of {} resources created", study.getIdElement().getIdPart(), created,
                    response.getEntry().size());
        }
    }

    private static void requireConditionalCreates(Bundle study) {
        if (study.getType() != BundleType.TRANSACTION) {
            throw new IllegalStateException("Study definition " + study.getId() + " is not a transaction bundle");
        }
        for (BundleEntryComponent entry : study.getEntry()) {
            if (entry.getRequest().getMethod() != HTTPVerb.POST || !entry.getRequest().hasIfNoneExist()) {
                throw new IllegalStateException("Study definition " + study.getId() + ": entry " + entry.getFullUrl()
                        + " must be a POST with ifNoneExist, so that loading it again changes nothing");
            }
        }
    }
}
