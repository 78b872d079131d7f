package org.isotox.server;

import org.isotox.testsupport.Tokens;
import static org.assertj.core.api.Assertions.assertThat;
import static org.isotox.testsupport.Fhir.bundle;
import static org.isotox.testsupport.Fhir.fhirRequest;
import static org.isotox.testsupport.Fhir.create;

import io.restassured.RestAssured;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.SearchEntryMode;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ResearchStudy;
import org.hl7.fhir.r4.model.ResearchSubject;
import org.isotox.testsupport.FhirServerTest;
import org.junit.jupiter.api.Test;

@FhirServerTest
class SearchIT {

    @Test
    void includeBringsTheReferencedPatientsAndRevincludeTheReferringSubjects() {
        ResearchStudy study = new ResearchStudy().setStatus(ResearchStudy.ResearchStudyStatus.ACTIVE);
        study.addIdentifier().setSystem("urn:isotox:test:study").setValue(UUID.randomUUID().toString());
        String studyId = create(study);
        Set<String> patientIds = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            String patientId = create(new Patient().addName(new org.hl7.fhir.r4.model.HumanName().setFamily("S" + i)));
            patientIds.add(patientId);
            create(new ResearchSubject()
                    .setStatus(ResearchSubject.ResearchSubjectStatus.ONSTUDY)
                    .setStudy(new Reference("ResearchStudy/" + studyId))
                    .setIndividual(new Reference("Patient/" + patientId)));
        }

        Bundle subjects = bundle(fhirRequest()
                .get("/ResearchSubject?study=ResearchStudy/" + studyId + "&_include=ResearchSubject:individual")
                .then()
                .statusCode(200)
                .extract()
                .response());
        assertThat(idsOf(subjects, SearchEntryMode.MATCH, "ResearchSubject")).hasSize(3);
        assertThat(idsOf(subjects, SearchEntryMode.INCLUDE, "Patient")).isEqualTo(patientIds);

        Bundle studyWithSubjects = bundle(fhirRequest()
                .get("/ResearchStudy?_id=" + studyId + "&_revinclude=ResearchSubject:study")
                .then()
                .statusCode(200)
                .extract()
                .response());
        assertThat(idsOf(studyWithSubjects, SearchEntryMode.MATCH, "ResearchStudy")).containsExactly(studyId);
        assertThat(idsOf(studyWithSubjects, SearchEntryMode.INCLUDE, "ResearchSubject")).hasSize(3);
    }

    @Test
    void resultsArePagedWithNextLinksUntilEveryMatchIsSeen() {
        String patientId = create(new Patient());
        for (int i = 0; i < 12; i++) {
            Observation observation = new Observation().setStatus(Observation.ObservationStatus.FINAL);
            observation.getCode().addCoding().setSystem("http://loinc.org").setCode("8310-5");
            observation.setSubject(new Reference("Patient/" + patientId));
            create(observation);
        }

        Bundle page = bundle(fhirRequest()
                .get("/Observation?subject=Patient/" + patientId + "&_count=5")
                .then()
                .statusCode(200)
                .extract()
                .response());
        assertThat(page.getTotal()).isEqualTo(12);
        Set<String> seen = new HashSet<>();
        int pages = 0;
        while (true) {
            pages++;
            page.getEntry().forEach(e -> seen.add(e.getResource().getIdElement().getIdPart()));
            if (page.getLink("next") == null) {
                break;
            }
            page = bundle(RestAssured.given().auth().oauth2(Tokens.of(RestAssured.port, Tokens.COORDINATOR))
                    .accept("application/fhir+json")
                    .urlEncodingEnabled(false)
                    .basePath("")
                    .get(page.getLink("next").getUrl())
                    .then()
                    .statusCode(200)
                    .extract()
                    .response());
        }
        assertThat(pages).isEqualTo(3);
        assertThat(seen).hasSize(12);
    }

    private static Set<String> idsOf(Bundle bundle, SearchEntryMode mode, String type) {
        Set<String> ids = new HashSet<>();
        bundle.getEntry().stream()
                .filter(e -> e.getSearch().getMode() == mode && e.getResource().fhirType().equals(type))
                .forEach(e -> ids.add(e.getResource().getIdElement().getIdPart()));
        return ids;
    }
}
