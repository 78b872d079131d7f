package org.isotox.endpoints.fhir;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.isotox.server.IsotoxServerApplication;
import org.isotox.testsupport.Fhir;
import org.isotox.testsupport.Tokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@link LastContacts} is SQL on HAPI's index tables, written for PostgreSQL (where the integration
 * tests run it through {@code $endpoints}); the zero-setup default ({@code mvn spring-boot:run})
 * runs it on embedded H2, whose dialect it must suit as well.
 */
class LastContactsOnH2IT {

    @Test
    void newestDayOfEachPatientsEncountersObservationsAndQuestionnaireResponses() throws Exception {
        Path dataDir = Files.createDirectories(Path.of("target")).resolve("h2-last-contacts-" + UUID.randomUUID());
        try (ConfigurableApplicationContext server = new SpringApplicationBuilder(IsotoxServerApplication.class)
                .run("--server.port=0", "--isotox.data-dir=" + dataDir.toAbsolutePath())) {
            assertThat(server.getEnvironment().getProperty("spring.datasource.url")).startsWith("jdbc:h2:file:");
            int port = Integer.parseInt(server.getEnvironment().getRequiredProperty("local.server.port"));
            String byObservation = create(port, new Patient());
            String byResponse = create(port, new Patient());
            String byEncounter = create(port, new Patient());
            String unseen = create(port, new Patient());
            create(port, encounter(byObservation, "2025-03-01T09:00:00Z", "2025-03-02T09:00:00Z"));
            create(port, observation(byObservation, "2025-05-10T10:00:00Z"));
            create(port, response(byObservation, "2025-04-01T08:00:00Z"));
            create(port, observation(byResponse, "2025-06-01T10:00:00Z"));
            create(port, response(byResponse, "2025-08-01T08:00:00Z"));
            create(port, observation(byEncounter, "2025-06-01T10:00:00Z"));
            create(port, encounter(byEncounter, "2025-09-01T09:00:00Z", "2025-09-02T09:00:00Z"));

            LastContacts lastContacts = server.getBean(LastContacts.class);

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
    private static String create(int port, Resource resource) {
        String id = given().port(port).basePath("/fhir").auth().oauth2(Tokens.of(port, Tokens.COORDINATOR))
                .contentType(Fhir.JSON)
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
