package org.isotox.registry.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.ResearchStudy;
import org.isotox.fhir.Canonicals;

/**
 * What a study keeps of its registration besides its FHIR elements, in two extensions (JSON attachments):
 * {@code ctgov-registration}, the sponsor's fields FHIR R4 has no element for; and
 * {@code ctgov-registry-record}, the registry's side of the record as last imported: what the FHIR
 * elements said then ({@code held}, the baseline that edits are compared with), the fields the registry
 * assigns itself ({@code assigned}: submission and posting dates, NCT aliases, the last known status) and
 * the record's other sections ({@code sections}: derived, results, documents, annotations, hasResults).
 * Neither is exported as the sponsor's.
 */
final class KeptRegistration {

    static final String REGISTRATION = Canonicals.structureDefinition("ctgov-registration");
    static final String REGISTRY_RECORD = Canonicals.structureDefinition("ctgov-registry-record");

    /** The fields of a protocolSection the registry assigns, by module. */
    private static final List<String[]> ASSIGNED = List.of(
            new String[] {"identificationModule", "nctIdAliases"},
            new String[] {"statusModule", "studyFirstSubmitDate"},
            new String[] {"statusModule", "studyFirstSubmitQcDate"},
            new String[] {"statusModule", "studyFirstPostDateStruct"},
            new String[] {"statusModule", "resultsFirstSubmitDate"},
            new String[] {"statusModule", "resultsFirstSubmitQcDate"},
            new String[] {"statusModule", "resultsFirstPostDateStruct"},
            new String[] {"statusModule", "dispFirstSubmitDate"},
            new String[] {"statusModule", "dispFirstSubmitQcDate"},
            new String[] {"statusModule", "dispFirstPostDateStruct"},
            new String[] {"statusModule", "lastUpdateSubmitDate"},
            new String[] {"statusModule", "lastUpdatePostDateStruct"},
            new String[] {"statusModule", "lastKnownStatus"});

    private KeptRegistration() {}

    /** Takes the registry-assigned fields out of {@code record}'s protocolSection; the registry's side of the record. */
    static ObjectNode registrySide(ObjectNode record) {
        ObjectNode registry = RegistrationTree.object();
        ObjectNode assigned = registry.putObject("assigned");
        JsonNode protocol = record.path("protocolSection");
        for (String[] field : ASSIGNED) {
            if (protocol.path(field[0]).isObject() && protocol.get(field[0]).has(field[1])) {
                JsonNode value = ((ObjectNode) protocol.get(field[0])).remove(field[1]);
                (assigned.has(field[0]) ? (ObjectNode) assigned.get(field[0]) : assigned.putObject(field[0])).set(field[1], value);
            }
        }
        ObjectNode sections = registry.putObject("sections");
        record.fields().forEachRemaining(section -> {
            if (!"protocolSection".equals(section.getKey())) {
                sections.set(section.getKey(), section.getValue());
            }
        });
        return registry;
    }

    static void keep(ResearchStudy study, JsonNode rest, ObjectNode registrySide, JsonNode held) {
        study.getExtension().removeIf(e -> REGISTRATION.equals(e.getUrl()) || REGISTRY_RECORD.equals(e.getUrl()));
        study.addExtension(REGISTRATION, attachment(rest == null ? RegistrationTree.object() : rest));
        registrySide.set("held", held);
        study.addExtension(REGISTRY_RECORD, attachment(registrySide));
    }

    /** The sponsor's fields FHIR has no element for. */
    static Optional<JsonNode> rest(ResearchStudy study) {
        return read(study, REGISTRATION);
    }

    /** What the FHIR elements said when the registration was last imported. */
    static Optional<JsonNode> heldAtImport(ResearchStudy study) {
        return read(study, REGISTRY_RECORD).map(r -> r.get("held")).filter(h -> h != null && h.isObject());
    }

    private static Attachment attachment(JsonNode json) {
        return new Attachment().setContentType("application/json").setData(CtgovJson.compact(json));
    }

    private static Optional<JsonNode> read(ResearchStudy study, String url) {
        return Optional.ofNullable(study.getExtensionByUrl(url))
                .filter(e -> e.getValue() instanceof Attachment attachment && attachment.hasData())
                .map(e -> CtgovJson.tree(((Attachment) e.getValue()).getData()));
    }
}
