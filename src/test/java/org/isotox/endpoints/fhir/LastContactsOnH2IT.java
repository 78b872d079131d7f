package org.isotox.endpoints.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.time.LocalDate;
import java.util.List;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.isotox.testsupport.Fhir;
import org.isotox.testsupport.H2Server;
import org.junit.jupiter.api.Test;

/**
 * {@link LastContacts} is SQL on HAPI's index tables, written for PostgreSQL (where the integration
 * tests run it through {@code $endpoints}); the zero-setup default ({@code mvn spring-boot:run})
 * runs it on embedded H2, whose dialect it must suit as well.
 */
class LastContactsOnH2IT {

    @Test
    void newestDayOfEachPatientsEncountersObservationsAndQuestionnaireResponses() throws Exception {
        try (H2Server server = H2Server.start(H2Server.newDataDir("last-contacts"))) {
            String byObservation = create(server, new Patient());
            String byResponse = create(server, new Patient());
            String byEncounter = create(server, new Patient());
            String unseen = create(server, new Patient());
            create(server, encounter(byObservation, "2025-03-01T09:00:00Z", "2025-03-02T09:00:00Z"));
            create(server, observation(byObservation, "2025-05-10T10:00:00Z"));
            create(server, response(byObservation, "2025-04-01T08:00:00Z"));
            create(server, observation(byResponse, "2025-06-01T10:00:00Z"));
            create(server, response(byResponse, "2025-08-01T08:00:00Z"));
            create(server, observation(byEncounter, "2025-06-01T10:00:00Z"));
            create(server, encounter(byEncounter, "2025-09-01T09:00:00Z", "2025-09-02T09:00:00Z"));

            LastContacts lastContacts = server.bean(LastContacts.class);

            assertThat(lastContacts.of(List.of(idPart(byObservation), idPart(byResponse), idPart(byEncounter), idPart(unseen))))
                    .containsOnly(
                            entry(byObservation, LocalDate.of(2025, 5, 10)),
                            entry(byResponse, LocalDate.of(2025, 8, 1)),
                            entry(byEncounter, LocalDate.of(2025, 9, 2)));
        }
    }

    private static Encounter encounter(String patient, String start, String end) {
        Encounter visit = new Encounter().setStatus(Encounter.EncounterStatus.FINISHED)
                .setClass_(new Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "AMB", null))
                .setSubject(new Reference(patient));
        visit.getPeriod().setStartElement(new DateTimeType(start)).setEndElement(new DateTimeType(end));
        return visit;
    }

    private static Observation observation(String patient, String effective) {
        Observation weight = new Observation().setStatus(Observation.ObservationStatus.FINAL)
                .setSubject(new Reference(patient))
                .setEffective(new DateTimeType(effective))
                .setValue(new Quantity().setValue(70).setUnit("kg").setSystem("http://unitsofmeasure.org").setCode("kg"));
        weight.getCode().addCoding().setSystem("http://loinc.org").setCode("29463-7");
        return weight;
    }

    private static QuestionnaireResponse response(String patient, String authored) {
        return new QuestionnaireResponse()
                .setStatus(QuestionnaireResponse.QuestionnaireResponseStatus.COMPLETED)
                .setSubject(new Reference(patient))
                .setAuthoredElement(new DateTimeType(authored));
    }

    /** Creates the resource and answers its reference ({@code Type/id}). */
    private static String create(H2Server server, Resource resource) {
        String id = server.request()
                .body(Fhir.json(resource))
                .post("/" + resource.fhirType())
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getString("id");
        return resource.fhirType() + "/" + id;
    }

    private static String idPart(String reference) {
        return reference.substring(reference.indexOf('/') + 1);
    }
}
