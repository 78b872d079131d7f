package org.isotox.registry.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ContactDetail;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.ContactPoint.ContactPointSystem;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Element;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RelatedArtifact;
import org.hl7.fhir.r4.model.RelatedArtifact.RelatedArtifactType;
import org.hl7.fhir.r4.model.ResearchStudy;
import org.hl7.fhir.r4.model.ResearchStudy.ResearchStudyArmComponent;
import org.hl7.fhir.r4.model.ResearchStudy.ResearchStudyObjectiveComponent;
import org.hl7.fhir.r4.model.ResearchStudy.ResearchStudyStatus;
import org.isotox.registry.domain.OverallStatus;
import org.isotox.registry.domain.Phase;
import org.isotox.registry.domain.ProtocolSection.ArmGroupType;
import org.isotox.registry.domain.ProtocolSection.PrimaryPurpose;

/**
 * The registration fields FHIR R4 has elements for, written into a ResearchStudy on import and read back
 * from it (with its sites) on export. An item of a list keeps its place in the registration in its
 * element id ({@code armGroups-2}), so the fields FHIR has no element for find their item again.
 */
final class StudyRegistration {

    static final String NCT_SYSTEM = "https://clinicaltrials.gov";
    static final String ORG_STUDY_ID_SYSTEM = "https://isotox.org/fhir/sid/ctgov-org-study-id";
    static final String SECONDARY_ID_SYSTEM = "https://isotox.org/fhir/sid/ctgov-secondary-id";
    private static final String PHASE_SYSTEM = "http://terminology.hl7.org/CodeSystem/research-study-phase";
    private static final String PURPOSE_SYSTEM = "http://terminology.hl7.org/CodeSystem/research-study-prim-purp-type";
    private static final String ARM_TYPE_SYSTEM = "http://terminology.hl7.org/CodeSystem/research-study-arm-type";
    private static final String OBJECTIVE_SYSTEM = "http://terminology.hl7.org/CodeSystem/research-study-objective-type";
    private static final String PUBMED = "https://pubmed.ncbi.nlm.nih.gov/";
    private static final Pattern PMID = Pattern.compile(Pattern.quote(PUBMED) + "(\\d+)/?");
    /** The registry's outcome lists and the objective types FHIR has for them (other pre-specified: exploratory). */
    private static final List<String[]> OUTCOMES = List.of(
            new String[] {"primaryOutcomes", "primary"}, new String[] {"secondaryOutcomes", "secondary"},
            new String[] {"otherOutcomes", "exploratory"});

    private StudyRegistration() {}

    /** The study's ClinicalTrials.gov number, if it has one. */
    static Optional<String> nctId(ResearchStudy study) {
        return study.getIdentifier().stream()
                .filter(i -> NCT_SYSTEM.equals(i.getSystem()) && i.hasValue())
                .map(Identifier::getValue)
                .findFirst();
    }

    /** Writes the registration into {@code study}, keeping what the registry does not describe (trial rules, protocol, enrolment Group). */
    static void apply(JsonNode registration, ResearchStudy study, Reference sponsor, List<Reference> sites) {
        JsonNode identification = registration.path("identificationModule");
        if (nctId(study).isEmpty()) {
            study.addIdentifier().setUse(Identifier.IdentifierUse.OFFICIAL).setSystem(NCT_SYSTEM).setValue(text(identification, "nctId"));
        }
        study.getIdentifier().removeIf(i -> ORG_STUDY_ID_SYSTEM.equals(i.getSystem()) || SECONDARY_ID_SYSTEM.equals(i.getSystem()));
        Optional.ofNullable(text(identification.path("orgStudyIdInfo"), "id"))
                .ifPresent(id -> study.addIdentifier().setUse(Identifier.IdentifierUse.USUAL).setSystem(ORG_STUDY_ID_SYSTEM).setValue(id));
        each(identification.path("secondaryIdInfos"), (i, secondary) -> {
            Identifier identifier = study.addIdentifier().setUse(Identifier.IdentifierUse.SECONDARY).setSystem(SECONDARY_ID_SYSTEM)
                    .setValue(text(secondary, "id"));
            identifier.setId("secondaryIdInfos-" + i);
            Optional.ofNullable(text(secondary, "type")).ifPresent(type -> identifier.getType().setText(type));
            Optional.ofNullable(text(secondary, "domain")).ifPresent(domain -> identifier.getAssigner().setDisplay(domain));
        });
        String officialTitle = text(identification, "officialTitle");
        study.setTitle(officialTitle != null ? officialTitle : text(identification, "briefTitle"));

        JsonNode status = registration.path("statusModule");
        study.setStatus(OverallStatus.valueOf(text(status, "overallStatus")).fhirCode().map(ResearchStudyStatus::fromCode).orElse(null));
        study.getPeriod().setStartElement(date(status.path("startDateStruct"))).setEndElement(date(status.path("completionDateStruct")));
        if (!study.getPeriod().hasStart() && !study.getPeriod().hasEnd()) {
            study.setPeriod(null);
        }
        String whyStopped = text(status, "whyStopped");
        study.setReasonStopped(whyStopped == null ? null : new CodeableConcept().setText(whyStopped));
        study.setSponsor(sponsor);
        study.setDescription(text(registration.path("descriptionModule"), "briefSummary"));

        JsonNode conditions = registration.path("conditionsModule");
        study.setCondition(concepts(study.getCondition(), texts(conditions.path("conditions"))));
        study.setKeyword(concepts(study.getKeyword(), texts(conditions.path("keywords"))));

        JsonNode design = registration.path("designModule");
        study.setPhase(code(study.getPhase(), PHASE_SYSTEM, design.has("phases")
                ? Phase.fhirCode(texts(design.path("phases")).stream().map(Phase::valueOf).toList()).orElse(null) : null));
        String purpose = text(design.path("designInfo"), "primaryPurpose");
        study.setPrimaryPurposeType(code(study.getPrimaryPurposeType(), PURPOSE_SYSTEM,
                purpose == null ? null : PrimaryPurpose.valueOf(purpose).fhirCode()));

        List<ResearchStudyArmComponent> arms = new ArrayList<>();
        each(registration.path("armsInterventionsModule").path("armGroups"), (i, group) -> {
            String label = text(group, "label");
            ResearchStudyArmComponent arm = study.getArm().stream().filter(a -> Objects.equals(a.getName(), label)).findFirst()
                    .map(ResearchStudyArmComponent::copy).orElseGet(ResearchStudyArmComponent::new).setName(label);
            String type = text(group, "type");
            arm.setType(code(arm.getType(), ARM_TYPE_SYSTEM, type == null ? null : ArmGroupType.valueOf(type).fhirCode()))
                    .setDescription(text(group, "description"));
            arm.setId("armGroups-" + i);
            arms.add(arm);
        });
        study.setArm(arms);

        List<ResearchStudyObjectiveComponent> objectives = new ArrayList<>();
        for (String[] list : OUTCOMES) {
            each(registration.path("outcomesModule").path(list[0]), (i, outcome) -> {
                ResearchStudyObjectiveComponent objective = objective(study, text(outcome, "measure"), list[1]);
                objective.setId(list[0] + "-" + i);
                objectives.add(objective);
            });
        }
        study.setObjective(objectives);

        List<ContactDetail> contacts = new ArrayList<>();
        each(registration.path("contactsLocationsModule").path("centralContacts"), (i, contact) -> {
            ContactDetail detail = new ContactDetail().setName(text(contact, "name"));
            detail.setTelecom(telecom(contact, null));
            detail.setId("centralContacts-" + i);
            contacts.add(detail);
        });
        study.setContact(contacts);

        List<RelatedArtifact> artifacts = new ArrayList<>(study.getRelatedArtifact().stream().filter(a -> !fromRegistry(a)).toList());
        JsonNode references = registration.path("referencesModule");
        each(references.path("references"), (i, reference) -> {
            RelatedArtifact artifact = new RelatedArtifact().setType(RelatedArtifactType.CITATION).setCitation(text(reference, "citation"));
            Optional.ofNullable(text(reference, "pmid")).ifPresent(pmid -> artifact.setUrl(PUBMED + pmid + "/"));
            artifact.setId("references-" + i);
            artifacts.add(artifact);
        });
        each(references.path("seeAlsoLinks"), (i, link) -> {
            RelatedArtifact artifact = new RelatedArtifact().setType(RelatedArtifactType.DOCUMENTATION)
                    .setDisplay(text(link, "label")).setUrl(text(link, "url"));
            artifact.setId("seeAlsoLinks-" + i);
            artifacts.add(artifact);
        });
        study.setRelatedArtifact(artifacts);
        study.setSite(sites);
    }

    /** The study's telecom entries for a registry contact (phone, email), marked with the contact's place when it has one. */
    static List<ContactPoint> telecom(JsonNode contact, String id) {
        List<ContactPoint> telecom = new ArrayList<>();
        Optional.ofNullable(text(contact, "phone")).ifPresent(phone -> telecom.add(point(ContactPointSystem.PHONE, phone, id)));
        Optional.ofNullable(text(contact, "email")).ifPresent(email -> telecom.add(point(ContactPointSystem.EMAIL, email, id)));
        return telecom;
    }

    /**
     * What the study's FHIR elements say of its registration, in the registry's shape; {@code officialTitle}:
     * whether the registration has an official title (then the study's title is that, else its brief title).
     */
    /**
     * {@code held} with the registration's own overall status where FHIR's status still means it (enrolling by
     * invitation is {@code active} in FHIR, which otherwise exports as recruiting).
     */
    static JsonNode withRegisteredStatus(JsonNode held, JsonNode rest) {
        JsonNode heldStatus = held.path("statusModule").path("overallStatus");
        Optional<OverallStatus> registered = rest == null ? Optional.empty()
                : OverallStatus.named(rest.path("statusModule").path("overallStatus").asText());
        if (!heldStatus.isTextual() || registered.isEmpty()) {
            return held;
        }
        Optional<String> fhirCode = OverallStatus.valueOf(heldStatus.asText()).fhirCode();
        JsonNode refined = held.deepCopy();
        fhirCode.flatMap(code -> OverallStatus.ofFhir(code, registered))
                .ifPresent(status -> ((ObjectNode) refined.get("statusModule")).put("overallStatus", status.name()));
        return refined;
    }

    static ObjectNode held(ResearchStudy study, List<StudySites.Site> sites, boolean officialTitle) {
        ObjectNode section = RegistrationTree.object();
        ObjectNode identification = section.putObject("identificationModule");
        nctId(study).ifPresent(nct -> identification.put("nctId", nct));
        study.getIdentifier().stream().filter(i -> ORG_STUDY_ID_SYSTEM.equals(i.getSystem())).findFirst()
                .ifPresent(id -> identification.putObject("orgStudyIdInfo").put("id", id.getValue()));
        ArrayNode secondaryIds = RegistrationTree.array();
        study.getIdentifier().stream().filter(i -> SECONDARY_ID_SYSTEM.equals(i.getSystem())).forEach(identifier -> {
            ObjectNode secondary = item(secondaryIds, identifier, "secondaryIdInfos");
            put(secondary, "id", identifier.getValue());
            put(secondary, "type", identifier.getType().getText());
            put(secondary, "domain", identifier.getAssigner().getDisplay());
        });
        putList(identification, "secondaryIdInfos", secondaryIds);
        put(identification, officialTitle ? "officialTitle" : "briefTitle", study.getTitle());

        ObjectNode status = section.putObject("statusModule");
        if (study.hasStatus()) {
            OverallStatus.ofFhir(study.getStatus().toCode(), Optional.empty()).ifPresent(s -> status.put("overallStatus", s.name()));
        }
        put(status, "whyStopped", study.getReasonStopped().getText());
        dateStruct(status, "startDateStruct", study.getPeriod().getStartElement());
        dateStruct(status, "completionDateStruct", study.getPeriod().getEndElement());

        if (study.getSponsor().hasDisplay()) {
            section.putObject("sponsorCollaboratorsModule").putObject("leadSponsor").put("name", study.getSponsor().getDisplay());
        }
        put(section.putObject("descriptionModule"), "briefSummary", study.getDescription());
        ObjectNode conditions = section.putObject("conditionsModule");
        putTexts(conditions, "conditions", study.getCondition());
        putTexts(conditions, "keywords", study.getKeyword());

        ObjectNode design = section.putObject("designModule");
        codeIn(study.getPhase(), PHASE_SYSTEM).flatMap(Phase::ofFhir).ifPresent(phases -> {
            ArrayNode list = design.putArray("phases");
            phases.forEach(p -> list.add(p.name()));
        });
        codeIn(study.getPrimaryPurposeType(), PURPOSE_SYSTEM)
                .flatMap(code -> List.of(PrimaryPurpose.values()).stream().filter(p -> code.equals(p.fhirCode())).findFirst())
                .ifPresent(p -> design.putObject("designInfo").put("primaryPurpose", p.name()));

        ArrayNode armGroups = RegistrationTree.array();
        study.getArm().forEach(arm -> {
            ObjectNode group = item(armGroups, arm, "armGroups");
            put(group, "label", arm.getName());
            codeIn(arm.getType(), ARM_TYPE_SYSTEM).flatMap(code -> List.of(ArmGroupType.values()).stream()
                    .filter(t -> t.fhirCode().equals(code)).findFirst()).ifPresent(t -> group.put("type", t.name()));
            put(group, "description", arm.getDescription());
        });
        putList(section.putObject("armsInterventionsModule"), "armGroups", armGroups);

        ObjectNode outcomes = section.putObject("outcomesModule");
        for (String[] list : OUTCOMES) {
            ArrayNode items = RegistrationTree.array();
            study.getObjective().stream().filter(o -> codeIn(o.getType(), OBJECTIVE_SYSTEM).filter(list[1]::equals).isPresent())
                    .forEach(objective -> put(item(items, objective, list[0]), "measure", objective.getName()));
            putList(outcomes, list[0], items);
        }

        ObjectNode contactsLocations = section.putObject("contactsLocationsModule");
        ArrayNode centralContacts = RegistrationTree.array();
        study.getContact().forEach(contact -> {
            ObjectNode item = item(centralContacts, contact, "centralContacts");
            put(item, "name", contact.getName());
            putTelecom(item, contact.getTelecom());
        });
        putList(contactsLocations, "centralContacts", centralContacts);
        ArrayNode locations = RegistrationTree.array();
        sites.forEach(site -> locations.add(SiteFields.held(site, index(site.reference(), "locations"))));
        putList(contactsLocations, "locations", locations);

        ObjectNode references = section.putObject("referencesModule");
        ArrayNode citations = RegistrationTree.array();
        ArrayNode links = RegistrationTree.array();
        study.getRelatedArtifact().forEach(artifact -> {
            if (artifact.getType() == RelatedArtifactType.CITATION) {
                ObjectNode citation = item(citations, artifact, "references");
                Matcher pmid = PMID.matcher(artifact.hasUrl() ? artifact.getUrl() : "");
                if (pmid.matches()) {
                    citation.put("pmid", pmid.group(1));
                }
                put(citation, "citation", artifact.getCitation());
            } else if (artifact.getType() == RelatedArtifactType.DOCUMENTATION) {
                ObjectNode link = item(links, artifact, "seeAlsoLinks");
                put(link, "label", artifact.getDisplay());
                put(link, "url", artifact.getUrl());
            }
        });
        putList(references, "references", citations);
        putList(references, "seeAlsoLinks", links);
        return prune(section);
    }

    /** The contacts a list of telecom entries stands for: those of one contact share the contact's element id. */
    static void putTelecom(ObjectNode contact, List<ContactPoint> telecom) {
        telecom.stream().filter(t -> t.getSystem() == ContactPointSystem.PHONE).findFirst().ifPresent(t -> contact.put("phone", t.getValue()));
        telecom.stream().filter(t -> t.getSystem() == ContactPointSystem.EMAIL).findFirst().ifPresent(t -> contact.put("email", t.getValue()));
    }

    /** A new item of {@code list}, carrying its place in the registration when the element has one. */
    static ObjectNode item(ArrayNode list, Element element, String name) {
        ObjectNode item = list.addObject();
        Integer index = index(element, name);
        if (index != null) {
            item.put(RegistrationTree.INDEX, index);
        }
        return item;
    }

    static Integer index(Element element, String name) {
        String id = element.getId();
        if (id == null || !id.startsWith(name + "-")) {
            return null;
        }
        try {
            return Integer.valueOf(id.substring(name.length() + 1));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    static void put(ObjectNode node, String field, String value) {
        if (value != null && !value.isEmpty()) {
            node.put(field, value);
        }
    }

    static void each(JsonNode list, IndexedConsumer consumer) {
        for (int i = 0; i < list.size(); i++) {
            consumer.accept(i, list.get(i));
        }
    }

    interface IndexedConsumer {
        void accept(int index, JsonNode item);
    }

    private static ContactPoint point(ContactPointSystem system, String value, String id) {
        ContactPoint point = new ContactPoint().setSystem(system).setValue(value);
        point.setId(id);
        return point;
    }

    private static boolean fromRegistry(RelatedArtifact artifact) {
        return index(artifact, "references") != null || index(artifact, "seeAlsoLinks") != null;
    }

    private static void putList(ObjectNode node, String field, ArrayNode list) {
        if (!list.isEmpty()) {
            node.set(field, list);
        }
    }

    private static void putTexts(ObjectNode node, String field, List<CodeableConcept> concepts) {
        ArrayNode texts = RegistrationTree.array();
        concepts.stream().map(StudyRegistration::text).filter(Objects::nonNull).forEach(texts::add);
        putList(node, field, texts);
    }

    /** The object without its empty objects. */
    private static ObjectNode prune(ObjectNode node) {
        List<String> empty = new ArrayList<>();
        node.fields().forEachRemaining(field -> {
            if (field.getValue().isObject() && prune((ObjectNode) field.getValue()).isEmpty()) {
                empty.add(field.getKey());
            }
        });
        node.remove(empty);
        return node;
    }

    private static List<String> texts(JsonNode list) {
        List<String> texts = new ArrayList<>();
        list.forEach(item -> texts.add(item.asText()));
        return texts;
    }

    private static ResearchStudyObjectiveComponent objective(ResearchStudy study, String measure, String type) {
        return study.getObjective().stream()
                .filter(o -> Objects.equals(o.getName(), measure) && codeIn(o.getType(), OBJECTIVE_SYSTEM).filter(type::equals).isPresent())
                .findFirst()
                .map(ResearchStudyObjectiveComponent::copy)
                .orElse(new ResearchStudyObjectiveComponent().setName(measure)
                        .setType(new CodeableConcept().addCoding(new Coding(OBJECTIVE_SYSTEM, type, null))));
    }

    /** The concepts for these texts, keeping an existing concept (with its codings) whose text or display matches. */
    private static List<CodeableConcept> concepts(List<CodeableConcept> existing, List<String> texts) {
        return texts.stream()
                .map(text -> existing.stream().filter(c -> text.equalsIgnoreCase(text(c))).findFirst()
                        .map(CodeableConcept::copy).orElseGet(CodeableConcept::new).setText(text))
                .toList();
    }

    private static String text(CodeableConcept concept) {
        if (concept.hasText()) {
            return concept.getText();
        }
        return concept.getCoding().stream().filter(Coding::hasDisplay).map(Coding::getDisplay)
                .map(d -> d.replaceAll(" \\((disorder|finding)\\)$", "")).findFirst().orElse(null);
    }

    /** A concept with the code, keeping the existing one when it already has it; null without a code. */
    private static CodeableConcept code(CodeableConcept existing, String system, String code) {
        if (code == null) {
            return null;
        }
        if (codeIn(existing, system).filter(code::equals).isPresent()) {
            return existing;
        }
        return new CodeableConcept().addCoding(new Coding(system, code, null));
    }

    private static Optional<String> codeIn(CodeableConcept concept, String system) {
        return concept == null ? Optional.empty()
                : concept.getCoding().stream().filter(c -> system.equals(c.getSystem()) && c.hasCode()).map(Coding::getCode).findFirst();
    }

    private static DateTimeType date(JsonNode dateStruct) {
        String date = text(dateStruct, "date");
        return date == null ? null : new DateTimeType(date);
    }

    private static void dateStruct(ObjectNode status, String field, DateTimeType date) {
        if (date != null && date.hasValue()) {
            String value = date.getValueAsString();
            status.putObject(field).put("date", value.length() > 10 ? value.substring(0, 10) : value);
        }
    }
}
