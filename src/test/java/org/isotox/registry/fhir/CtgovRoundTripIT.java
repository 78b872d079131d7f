package org.isotox.registry.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.isotox.testsupport.Fhir.fhirRequest;
import static org.isotox.testsupport.Fhir.fhirRequestAs;
import static org.isotox.testsupport.Fhir.parse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.ContactDetail;
import org.hl7.fhir.r4.model.ContactPoint.ContactPointSystem;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RelatedArtifact.RelatedArtifactType;
import org.hl7.fhir.r4.model.ResearchStudy;
import org.isotox.testsupport.Fhir;
import org.isotox.testsupport.FhirServerTest;
import org.isotox.testsupport.Tokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Real ClinicalTrials.gov records (see {@code src/test/resources/ctgov/README.md}) imported and exported
 * again: every field the sponsor provides comes back unchanged, compared leaf by leaf (JSON pointer by
 * pointer); edits made through FHIR are what the export says, and each is listed as a conflict.
 */
@FhirServerTest
class CtgovRoundTripIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    private RegistrationImport registrationImport;

    /** What the registry assigns (statusModule dates, NCT aliases, last known status): not the sponsor's, not exported. */
    private static final Set<String> REGISTRY_ASSIGNED = Set.of(
            "/identificationModule/nctIdAliases", "/statusModule/studyFirstSubmitDate", "/statusModule/studyFirstSubmitQcDate",
            "/statusModule/studyFirstPostDateStruct", "/statusModule/resultsFirstSubmitDate", "/statusModule/resultsFirstSubmitQcDate",
            "/statusModule/resultsFirstPostDateStruct", "/statusModule/dispFirstSubmitDate", "/statusModule/dispFirstSubmitQcDate",
            "/statusModule/dispFirstPostDateStruct", "/statusModule/lastUpdateSubmitDate", "/statusModule/lastUpdatePostDateStruct",
            "/statusModule/lastKnownStatus");

    @ParameterizedTest
    @ValueSource(strings = {"NCT02278341", "NCT06171568", "NCT00763412", "NCT03630471"})
    void everySponsorFieldComesBackUnchanged(String nct) throws IOException {
        String record = fixture(nct);
        ResearchStudy study = importRecord(record);

        JsonNode exported = JSON.readTree(export(study));

        JsonNode registered = JSON.readTree(record).get("protocolSection");
        Map<String, JsonNode> expected = leaves(registered, true);
        Map<String, JsonNode> given = leaves(exported.get("protocolSection"), false);
        List<String> lost = new ArrayList<>();
        expected.forEach((pointer, value) -> {
            JsonNode back = given.get(pointer);
            if (back == null) {
                lost.add("lost " + pointer + " = " + value);
            } else if (!same(value, back)) {
                lost.add("changed " + pointer + ": " + value + " -> " + back);
            }
        });
        given.keySet().stream().filter(p -> !expected.containsKey(p)).forEach(p -> lost.add("added " + p + " = " + given.get(p)));
        assertThat(lost).as("%d sponsor fields of %s", expected.size(), nct).isEmpty();
        assertThat(exported.path("conflicts")).as("nothing was edited").isEmpty();
        REGISTRY_ASSIGNED.forEach(p -> assertThat(exported.at("/protocolSection" + p).isMissingNode()).as(p).isTrue());
    }

    /** Where FHIR has an element for a field, the field lives there, not only in the kept registration. */
    /**
     * No public record with more than 1 000 locations was found, so NCT02278341's 105 real locations are
     * repeated (each copy a distinct site: " (copy k)" after the facility) up to the 1 148 of the largest
     * NSCLC registrations, under a fresh NCT number; the whole record must still come back.
     */
    @Test
    void aRegistrationOf1148LocationsImportsAndExportsInSeconds() throws IOException {
        ObjectNode record = (ObjectNode) JSON.readTree(fixture("NCT02278341"));
        String nct = freshNct();
        ((ObjectNode) record.at("/protocolSection/identificationModule")).put("nctId", nct);
        ArrayNode real = (ArrayNode) record.at("/protocolSection/contactsLocationsModule/locations");
        ArrayNode many = JSON.createArrayNode();
        for (int i = 0; many.size() < 1148; i++) {
            ObjectNode site = real.get(i % real.size()).deepCopy();
            site.put("facility", site.path("facility").asText("Site") + " (copy " + (i / real.size()) + ")");
            many.add(site);
        }
        ((ObjectNode) record.at("/protocolSection/contactsLocationsModule")).set("locations", many);

        // the test profile limits request bodies to 256 KB (RequestSizeLimitIT): this one is imported in the server, not posted
        String body = JSON.writeValueAsString(record);
        long start = System.nanoTime();
        ResearchStudy study = registrationImport.importRecord(CtgovJson.read(body), (ObjectNode) CtgovJson.tree(body));
        long imported = System.nanoTime();
        JsonNode exported = JSON.readTree(export(study));
        long end = System.nanoTime();

        // timings are printed, never asserted (a shared CI machine's speed is no verdict)
        System.out.printf("1148 locations: import %.1f s, export %.1f s%n", (imported - start) / 1e9, (end - imported) / 1e9);
        assertThat(study.getSite()).hasSize(1148);
        assertThat(exported.at("/protocolSection/contactsLocationsModule/locations")).isEqualTo(many);
    }

    @Test
    void fieldsFhirHasElementsForAreInThem() throws IOException {
        ResearchStudy study = importRecord(fixture("NCT06171568"));

        assertThat(study.getIdentifier()).anyMatch(i -> StudyRegistration.SECONDARY_ID_SYSTEM.equals(i.getSystem()));
        assertThat(study.getRelatedArtifact()).hasSize(8).allMatch(a -> a.getType() == RelatedArtifactType.CITATION);
        assertThat(study.getContact()).hasSize(2).allMatch(ContactDetail::hasName);
        Location site = location(study.getSiteFirstRep());
        assertThat(site.getPosition().hasLatitude()).isTrue();
        assertThat(site.getTelecom()).extracting(t -> t.getSystem()).contains(ContactPointSystem.PHONE, ContactPointSystem.EMAIL);
        JsonNode rest = KeptRegistration.rest(study).orElseThrow();
        assertThat(rest.at("/contactsLocationsModule/locations/0/geoPoint").isMissingNode()).isTrue();
        assertThat(rest.at("/contactsLocationsModule/locations/0/facility").isMissingNode()).isTrue();
        assertThat(rest.at("/statusModule/overallStatus").isMissingNode()).isTrue();
    }

    @Test
    void editsInFhirAreExportedAndReportedAsConflicts() throws IOException {
        String nct = freshNct();
        ResearchStudy study = importRecord(fixture("NCT06171568").replace("NCT06171568", nct));
        int sites = study.getSite().size();
        Location first = location(study.getSiteFirstRep());
        String firstPhone = first.getTelecom().stream().filter(t -> t.getSystem() == ContactPointSystem.PHONE).findFirst()
                .orElseThrow().getValue();
        first.getTelecom().stream().filter(t -> t.getSystem() == ContactPointSystem.PHONE).findFirst().orElseThrow()
                .setValue("+1 555 0100");
        fhirRequest(first).contentType("application/fhir+json; charset=UTF-8").put("/Location/" + first.getIdElement().getIdPart()).then().log().ifValidationFails().statusCode(200);
        String organization = Fhir.create(new Organization().setName("Hospital Added Through FHIR"));
        Location added = new Location().setName("Hospital Added Through FHIR")
                .setManagingOrganization(new Reference("Organization/" + organization))
                .setAddress(new Address().setCity("Lyon").setCountry("France"));
        added.getPosition().setLatitude(new BigDecimal("45.76")).setLongitude(new BigDecimal("4.84"));
        added.addTelecom().setSystem(ContactPointSystem.EMAIL).setValue("trials@example.org");
        String location = Fhir.create(added);
        study.addSite(new Reference("Location/" + location));
        study.setStatus(ResearchStudy.ResearchStudyStatus.ACTIVE);
        study.addContact().setName("Added Contact").addTelecom().setSystem(ContactPointSystem.PHONE).setValue("+33 4 00 00 00 00");
        fhirRequest(study).contentType("application/fhir+json; charset=UTF-8").put("/ResearchStudy/" + study.getIdElement().getIdPart())
                .then().log().ifValidationFails().statusCode(200);

        JsonNode exported = JSON.readTree(export(study));

        JsonNode protocol = exported.get("protocolSection");
        assertThat(protocol.at("/statusModule/overallStatus").asText()).isEqualTo("RECRUITING");
        JsonNode locations = protocol.at("/contactsLocationsModule/locations");
        assertThat(locations).hasSize(sites + 1);
        assertThat(locations.get(sites).get("facility").asText()).isEqualTo("Hospital Added Through FHIR");
        assertThat(locations.get(sites).get("city").asText()).isEqualTo("Lyon");
        assertThat(locations.get(sites).at("/geoPoint/lat").decimalValue()).isEqualByComparingTo("45.76");
        assertThat(locations.get(sites).at("/contacts/0/email").asText()).isEqualTo("trials@example.org");
        JsonNode registeredContact = JSON.readTree(fixture("NCT06171568")).at("/protocolSection/contactsLocationsModule/locations/0/contacts/0");
        assertThat(locations.at("/0/contacts/0/phone").asText()).isEqualTo("+1 555 0100");
        assertThat(locations.at("/0/contacts/0/name")).as("the name FHIR has no element for is kept").isEqualTo(registeredContact.get("name"));
        JsonNode centralContacts = protocol.at("/contactsLocationsModule/centralContacts");
        assertThat(centralContacts.get(centralContacts.size() - 1).get("name").asText()).isEqualTo("Added Contact");

        Map<String, JsonNode[]> conflicts = new LinkedHashMap<>();
        exported.get("conflicts").forEach(c -> conflicts.put(c.get("path").asText(), new JsonNode[] {c.get("fhir"), c.get("registration")}));
        assertThat(conflicts).containsOnlyKeys(
                "/protocolSection/statusModule/overallStatus",
                "/protocolSection/contactsLocationsModule/locations/0/contacts/0/phone",
                "/protocolSection/contactsLocationsModule/locations/" + sites,
                "/protocolSection/contactsLocationsModule/centralContacts/" + (centralContacts.size() - 1));
        assertThat(conflicts.get("/protocolSection/statusModule/overallStatus"))
                .extracting(JsonNode::asText).containsExactly("RECRUITING", "NOT_YET_RECRUITING");
        assertThat(conflicts.get("/protocolSection/contactsLocationsModule/locations/0/contacts/0/phone"))
                .extracting(JsonNode::asText).containsExactly("+1 555 0100", firstPhone);
        assertThat(conflicts.get("/protocolSection/contactsLocationsModule/locations/" + sites)[1].isNull()).isTrue();
    }

    @Test
    void aStudyEnrollingByInvitationIsActiveInFhirAndExportedAsItWasRegistered() throws IOException {
        ResearchStudy study = importRecord(withStatus(fixture("NCT06171568"), "ENROLLING_BY_INVITATION", null));

        assertThat(study.getStatus()).isEqualTo(ResearchStudy.ResearchStudyStatus.ACTIVE);
        JsonNode exported = JSON.readTree(export(study));
        assertThat(exported.at("/protocolSection/statusModule/overallStatus").asText()).isEqualTo("ENROLLING_BY_INVITATION");
        assertThat(exported.path("conflicts").size()).as("conflicts").isZero();

        study.setStatus(ResearchStudy.ResearchStudyStatus.CLOSEDTOACCRUAL);
        fhirRequest(study).contentType("application/fhir+json; charset=UTF-8").put("/ResearchStudy/" + study.getIdElement().getIdPart())
                .then().statusCode(200);
        JsonNode closed = JSON.readTree(export(study));
        assertThat(closed.at("/protocolSection/statusModule/overallStatus").asText()).isEqualTo("ACTIVE_NOT_RECRUITING");
        assertThat(closed.at("/conflicts/0/path").asText()).isEqualTo("/protocolSection/statusModule/overallStatus");
        assertThat(closed.at("/conflicts/0/registration").asText()).isEqualTo("ENROLLING_BY_INVITATION");
    }

    @Test
    void aStudyWhoseStatusTheRegistryCallsUnknownTakesItsLastKnownStatus() throws IOException {
        ResearchStudy study = importRecord(withStatus(fixture("NCT06171568"), "UNKNOWN", "RECRUITING"));

        assertThat(study.getStatus()).isEqualTo(ResearchStudy.ResearchStudyStatus.ACTIVE);
        JsonNode exported = JSON.readTree(export(study));
        assertThat(exported.at("/protocolSection/statusModule/overallStatus").asText())
                .as("UNKNOWN is the registry's word, not the sponsor's").isEqualTo("RECRUITING");
        assertThat(exported.path("conflicts").size()).as("conflicts").isZero();

        Response refused = fhirRequest().contentType("application/json").body(withStatus(fixture("NCT06171568"), "UNKNOWN", null))
                .post("/ResearchStudy/$import-ctgov");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.asString()).contains("protocolSection.statusModule.lastKnownStatus");
    }

    /** The record under a fresh NCT number with this overall status (and last known status, when given). */
    private static String withStatus(String record, String overallStatus, String lastKnownStatus) throws IOException {
        ObjectNode tree = (ObjectNode) JSON.readTree(record);
        ((ObjectNode) tree.at("/protocolSection/identificationModule")).put("nctId", freshNct());
        ObjectNode status = (ObjectNode) tree.at("/protocolSection/statusModule");
        status.put("overallStatus", overallStatus);
        status.remove("lastKnownStatus");
        if (lastKnownStatus != null) {
            status.put("lastKnownStatus", lastKnownStatus);
        }
        return JSON.writeValueAsString(tree);
    }

    /** The PRS upload form validates against the registry's own schemas (ProtocolRecordSchema.xsd with RRSUploadSchema.xsd). */
    @ParameterizedTest
    @ValueSource(strings = {"NCT02278341", "NCT06171568", "NCT00763412", "NCT03630471"})
    void thePrsUploadValidatesAgainstTheRegistrysSchema(String nct) throws Exception {
        ResearchStudy study = importRecord(fixture(nct));

        Response response = fhirRequest().accept("application/xml")
                .get("/ResearchStudy/" + study.getIdElement().getIdPart() + "/$ctgov-prs-export")
                .then().statusCode(200).extract().response();

        assertThat(response.getContentType()).startsWith("application/xml");
        Schema schema = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(CtgovRoundTripIT.class.getResource("/ctgov/prs/ProtocolRecordSchema.xsd"));
        schema.newValidator().validate(new StreamSource(new StringReader(response.asString())));
        JsonNode registered = JSON.readTree(fixture(nct)).get("protocolSection");
        assertThat(response.asString())
                .contains("<org_study_id>" + registered.at("/identificationModule/orgStudyIdInfo/id").asText() + "</org_study_id>");
        assertThat(response.asString().split("<location>", -1)).hasSize(
                registered.at("/contactsLocationsModule/locations").size() + 1);
    }

    @Test
    void aSiteTokenCanNeitherImportNorExportInEitherForm() throws IOException {
        ResearchStudy study = importRecord(fixture("NCT03630471"));

        fhirRequestAs(Tokens.INVESTIGATOR_HMU2).get("/ResearchStudy/" + study.getIdElement().getIdPart() + "/$ctgov-export")
                .then().statusCode(403);
        fhirRequestAs(Tokens.INVESTIGATOR_HMU2).get("/ResearchStudy/" + study.getIdElement().getIdPart() + "/$ctgov-prs-export")
                .then().statusCode(403);
        fhirRequestAs(Tokens.INVESTIGATOR_HMU2).contentType("application/json").body(fixture("NCT03630471"))
                .post("/ResearchStudy/$import-ctgov").then().statusCode(403);
    }

    /** Every leaf under {@code node}, by JSON pointer; {@code sponsorOnly}: without what the registry assigns. */
    private static Map<String, JsonNode> leaves(JsonNode node, boolean sponsorOnly) {
        Map<String, JsonNode> leaves = new LinkedHashMap<>();
        collect("", node, leaves, sponsorOnly);
        return leaves;
    }

    private static void collect(String pointer, JsonNode node, Map<String, JsonNode> leaves, boolean sponsorOnly) {
        if (sponsorOnly && REGISTRY_ASSIGNED.contains(pointer)) {
            return;
        }
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                collect(pointer + "/" + field.getKey(), field.getValue(), leaves, sponsorOnly);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(pointer + "/" + i, node.get(i), leaves, sponsorOnly);
            }
        } else {
            leaves.put(pointer, node);
        }
    }

    private static boolean same(JsonNode a, JsonNode b) {
        return a.isNumber() && b.isNumber() ? a.decimalValue().compareTo(b.decimalValue()) == 0 : a.equals(b);
    }

    private static ResearchStudy importRecord(String record) {
        return parse(fhirRequest().contentType("application/json").body(record).post("/ResearchStudy/$import-ctgov")
                .then().statusCode(200).extract().response(), ResearchStudy.class);
    }

    private static String export(ResearchStudy study) {
        Response response = fhirRequest().get("/ResearchStudy/" + study.getIdElement().getIdPart() + "/$ctgov-export")
                .then().statusCode(200).extract().response();
        return response.asString();
    }

    private static Location location(Reference site) {
        return parse(fhirRequest().get("/" + site.getReference()).then().statusCode(200).extract().response(), Location.class);
    }

    private static String freshNct() {
        return "NCT" + (30_000_000 + ThreadLocalRandom.current().nextInt(60_000_000));
    }

    static String fixture(String nct) {
        try (InputStream in = CtgovRoundTripIT.class.getResourceAsStream("/ctgov/" + nct + ".json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
