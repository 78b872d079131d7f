package org.isotox.security.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.isotox.testsupport.Fhir.fhirRequest;
import static org.isotox.testsupport.Fhir.json;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import java.util.List;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Meta;
import org.hl7.fhir.r4.model.Resource;
import org.isotox.testsupport.Fhir;
import org.isotox.testsupport.FhirServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Data stored by the previous version, without ownership labels, gets them at start-up: a patient at the
 * site that manages him, his records with him, data about no patient shared, a file trial-wide; on the
 * current version (no new version), and a second run changes nothing.
 */
@FhirServerTest
class OwnershipBackfillIT {

    @Autowired
    OwnershipBackfill backfill;

    @Autowired
    DaoRegistry daoRegistry;

    @Test
    void resourcesStoredWithoutALabelGetTheirOwnersOnce() {
        String site = SiteFixtures.organization("ihr-ncpb");
        String patient = "Patient/" + Fhir.create(SiteFixtures.patientOf(site));
        String observation = "Observation/" + Fhir.create(SiteFixtures.heartRate(patient));
        String practitioner = "Practitioner/" + fhirRequest().body("{\"resourceType\":\"Practitioner\",\"name\":[{\"family\":\"Backfill\"}]}")
                .post("/Practitioner").then().statusCode(201).extract().path("id");
        String binary = "Binary/" + fhirRequest().body("{\"resourceType\":\"Binary\",\"contentType\":\"text/plain\",\"data\":\"eA==\"}")
                .post("/Binary").then().statusCode(201).extract().path("id");
        List<String> written = List.of(patient, observation, practitioner, binary);
        written.forEach(this::removeLabel);
        assertThat(written).allSatisfy(id -> assertThat(labelsOf(id)).isEmpty());

        backfill.run(null);

        assertThat(labelsOf(patient)).containsExactly(OwnershipLabels.SITE_SYSTEM + "|ihr-ncpb");
        assertThat(labelsOf(observation)).containsExactly(OwnershipLabels.SITE_SYSTEM + "|ihr-ncpb");
        assertThat(labelsOf(practitioner)).containsExactly(OwnershipLabels.OWNERSHIP_SYSTEM + "|shared");
        assertThat(labelsOf(binary)).containsExactly(OwnershipLabels.OWNERSHIP_SYSTEM + "|trial-wide");
        assertThat(written).allSatisfy(id -> assertThat(version(id)).as("no new version of %s", id).isEqualTo("1"));

        backfill.run(null);

        assertThat(labelsOf(observation)).containsExactly(OwnershipLabels.SITE_SYSTEM + "|ihr-ncpb");
        assertThat(written).allSatisfy(id -> assertThat(version(id)).isEqualTo("1"));
    }

    /** As the previous version stored it: no ownership label. */
    private void removeLabel(String id) {
        Resource stored = (Resource) daoRegistry.getResourceDao(new IdType(id).getResourceType()).read(new IdType(id), new SystemRequestDetails());
        Meta labels = new Meta();
        stored.getMeta().getSecurity().stream().filter(OwnershipLabels::isOwnershipLabel).forEach(labels::addSecurity);
        daoRegistry.getResourceDao(new IdType(id).getResourceType()).metaDeleteOperation(new IdType(id), labels, new SystemRequestDetails());
    }

    private List<String> labelsOf(String id) {
        Resource stored = (Resource) daoRegistry.getResourceDao(new IdType(id).getResourceType()).read(new IdType(id), new SystemRequestDetails());
        return stored.getMeta().getSecurity().stream().filter(OwnershipLabels::isOwnershipLabel)
                .map((Coding c) -> c.getSystem() + "|" + c.getCode()).toList();
    }

    private String version(String id) {
        return fhirRequest().get("/" + id).then().statusCode(200).extract().path("meta.versionId");
    }
}
