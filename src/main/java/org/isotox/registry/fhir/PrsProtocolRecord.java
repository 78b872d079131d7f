package org.isotox.registry.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A registration as a ClinicalTrials.gov PRS protocol record upload ({@code ProtocolRecordSchema.xsd},
 * schema version 2018.05.08: {@code study_collection} of one {@code clinical_study}, elements in the
 * schema's order), written from the API v2 {@code protocolSection} the export gives. The API's codes
 * become the labels the schema's comments list (RECRUITING: "Recruiting"); a field the upload has no
 * element for (geo points, site contact roles) is left out, and so is an element whose required parts
 * the registration lacks. {@code org_name} is the organization's full name: the PRS login's short name
 * is not in the record, the coordinator replaces it before uploading.
 */
final class PrsProtocolRecord {

    static final String NAMESPACE = "http://clinicaltrials.gov/prs";

    private static final Map<String, String> STATUS = Map.of(
            "NOT_YET_RECRUITING", "Not yet recruiting", "RECRUITING", "Recruiting", "ACTIVE_NOT_RECRUITING", "Active, not recruiting",
            "ENROLLING_BY_INVITATION", "Enrolling by invitation", "COMPLETED", "Completed", "SUSPENDED", "Suspended",
            "TERMINATED", "Terminated", "WITHDRAWN", "Withdrawn");
    private static final Map<String, String> SITE_STATUS = Map.of(
            "NOT_YET_RECRUITING", "Not yet recruiting", "RECRUITING", "Recruiting", "ACTIVE_NOT_RECRUITING", "Active, not recruiting",
            "ENROLLING_BY_INVITATION", "Enrolling by invitation", "COMPLETED", "Completed", "SUSPENDED", "Suspended",
            "TERMINATED", "Terminated", "WITHDRAWN", "Withdrawn", "NO_LONGER_RECRUITING", "No longer recruiting");
    private static final Map<String, String> DATE_TYPE = Map.of("ACTUAL", "Actual", "ESTIMATED", "Anticipated");
    private static final Map<String, String> STUDY_TYPE = Map.of(
            "INTERVENTIONAL", "Interventional", "OBSERVATIONAL", "Observational", "EXPANDED_ACCESS", "Expanded Access");
    private static final Map<String, String> PURPOSE = Map.of(
            "TREATMENT", "Treatment", "PREVENTION", "Prevention", "DIAGNOSTIC", "Diagnostic", "BASIC_SCIENCE", "Basic Science",
            "SUPPORTIVE_CARE", "Supportive Care", "SCREENING", "Screening", "HEALTH_SERVICES_RESEARCH", "Health Services Research",
            "DEVICE_FEASIBILITY", "Device Feasibility", "OTHER", "Other");
    private static final Map<List<String>, String> PHASE = Map.of(
            List.of("NA"), "N/A", List.of("EARLY_PHASE1"), "Early Phase 1", List.of("PHASE1"), "Phase 1",
            List.of("PHASE1", "PHASE2"), "Phase 1/2", List.of("PHASE2"), "Phase 2", List.of("PHASE2", "PHASE3"), "Phase 2/3",
            List.of("PHASE3"), "Phase 3", List.of("PHASE4"), "Phase 4");
    private static final Map<String, String> MODEL = Map.of(
            "SINGLE_GROUP", "Single Group Assignment", "PARALLEL", "Parallel Assignment", "CROSSOVER", "Crossover Assignment",
            "FACTORIAL", "Factorial Assignment", "SEQUENTIAL", "Sequential Assignment");
    private static final Map<String, String> ALLOCATION = Map.of("RANDOMIZED", "Randomized", "NON_RANDOMIZED", "Non-randomized", "NA", "N/A");
    private static final Map<String, String> ARM_TYPE = Map.of(
            "EXPERIMENTAL", "Experimental", "ACTIVE_COMPARATOR", "Active Comparator", "PLACEBO_COMPARATOR", "Placebo Comparator",
            "SHAM_COMPARATOR", "Sham Comparator", "NO_INTERVENTION", "No Intervention", "OTHER", "Other");
    private static final Map<String, String> INTERVENTION_TYPE = Map.ofEntries(
            Map.entry("DRUG", "Drug"), Map.entry("DEVICE", "Device"), Map.entry("BIOLOGICAL", "Biological/Vaccine"),
            Map.entry("PROCEDURE", "Procedure/Surgery"), Map.entry("RADIATION", "Radiation"), Map.entry("BEHAVIORAL", "Behavioral"),
            Map.entry("GENETIC", "Genetic"), Map.entry("DIETARY_SUPPLEMENT", "Dietary Supplement"), Map.entry("OTHER", "Other"));
    private static final Map<String, String> SEX = Map.of("ALL", "All", "FEMALE", "Female", "MALE", "Male");
    private static final Map<String, String> OFFICIAL_ROLE = Map.of(
            "PRINCIPAL_INVESTIGATOR", "Principal Investigator", "STUDY_CHAIR", "Study Chair", "STUDY_DIRECTOR", "Study Director");
    private static final Map<String, String> RESPONSIBLE_PARTY = Map.of(
            "SPONSOR", "Sponsor", "PRINCIPAL_INVESTIGATOR", "Principal Investigator", "SPONSOR_INVESTIGATOR", "Sponsor-Investigator");
    private static final Map<String, String> MASKED = Map.of(
            "PARTICIPANT", "masked_subject", "CARE_PROVIDER", "masked_caregiver", "INVESTIGATOR", "masked_investigator",
            "OUTCOMES_ASSESSOR", "masked_assessor");

    private final XMLStreamWriter xml;

    private PrsProtocolRecord(XMLStreamWriter xml) {
        this.xml = xml;
    }

    static String of(JsonNode protocol) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.setPrefix("prs", NAMESPACE);
            xml.writeStartElement("prs", "study_collection", NAMESPACE);
            xml.writeNamespace("prs", NAMESPACE);
            xml.writeStartElement("clinical_study");
            new PrsProtocolRecord(xml).study(protocol);
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("The PRS record could not be written", e);
        }
        return out.toString();
    }

    private void study(JsonNode p) throws XMLStreamException {
        JsonNode id = p.path("identificationModule");
        start("id_info");
        element("org_name", text(id.path("organization"), "fullName"));
        element("org_study_id", text(id.path("orgStudyIdInfo"), "id"));
        for (JsonNode secondary : id.path("secondaryIdInfos")) {
            start("secondary_id");
            element("id", text(secondary, "id"));
            element("id_domain", text(secondary, "domain"));
            end();
        }
        end();
        element("brief_title", text(id, "briefTitle"));
        element("acronym", text(id, "acronym"));
        element("official_title", text(id, "officialTitle"));

        JsonNode sponsors = p.path("sponsorCollaboratorsModule");
        if (sponsors.has("leadSponsor")) {
            start("sponsors");
            agency("lead_sponsor", sponsors.get("leadSponsor"));
            for (JsonNode collaborator : sponsors.path("collaborators")) {
                agency("collaborator", collaborator);
            }
            String party = label(RESPONSIBLE_PARTY, text(sponsors.path("responsibleParty"), "type"));
            if (party != null) {
                start("resp_party");
                element("resp_party_type", party);
                end();
            }
            end();
        }
        JsonNode oversight = p.path("oversightModule");
        if (oversight.has("oversightHasDmc") || oversight.has("isFdaRegulatedDrug") || oversight.has("isFdaRegulatedDevice")) {
            start("oversight_info");
            element("has_dmc", yesNo(oversight, "oversightHasDmc"));
            element("fda_regulated_drug", yesNo(oversight, "isFdaRegulatedDrug"));
            element("fda_regulated_device", yesNo(oversight, "isFdaRegulatedDevice"));
            end();
        }
        textBlock("brief_summary", text(p.path("descriptionModule"), "briefSummary"));
        textBlock("detailed_description", text(p.path("descriptionModule"), "detailedDescription"));

        JsonNode status = p.path("statusModule");
        element("overall_status", label(STATUS, text(status, "overallStatus")));
        element("why_stopped", text(status, "whyStopped"));
        element("verification_date", text(status, "statusVerifiedDate"));
        date("start_date", status.path("startDateStruct"));
        date("last_follow_up_date", status.path("completionDateStruct"));
        date("primary_compl_date", status.path("primaryCompletionDateStruct"));

        design(p.path("designModule"), p.path("armsInterventionsModule").path("armGroups").size());
        JsonNode outcomes = p.path("outcomesModule");
        outcomes("primary_outcome", outcomes.path("primaryOutcomes"));
        outcomes("secondary_outcome", outcomes.path("secondaryOutcomes"));
        outcomes("other_outcome", outcomes.path("otherOutcomes"));
        JsonNode enrollment = p.path("designModule").path("enrollmentInfo");
        element("enrollment", text(enrollment, "count"));
        element("enrollment_type", label(DATE_TYPE, text(enrollment, "type")));
        for (JsonNode condition : p.path("conditionsModule").path("conditions")) {
            element("condition", condition.asText());
        }
        for (JsonNode keyword : p.path("conditionsModule").path("keywords")) {
            element("keyword", keyword.asText());
        }
        boolean interventional = "INTERVENTIONAL".equals(text(p.path("designModule"), "studyType"));
        for (JsonNode arm : p.path("armsInterventionsModule").path("armGroups")) {
            start("arm_group");
            element("arm_group_label", text(arm, "label"));
            element("arm_type", interventional ? label(ARM_TYPE, text(arm, "type")) : null);
            textBlock("arm_group_description", text(arm, "description"));
            end();
        }
        for (JsonNode intervention : p.path("armsInterventionsModule").path("interventions")) {
            start("intervention");
            element("intervention_type", label(INTERVENTION_TYPE, text(intervention, "type")));
            element("intervention_name", text(intervention, "name"));
            textBlock("intervention_description", text(intervention, "description"));
            for (JsonNode label : intervention.path("armGroupLabels")) {
                element("arm_group_label", label.asText());
            }
            for (JsonNode name : intervention.path("otherNames")) {
                element("intervention_other_name", name.asText());
            }
            end();
        }
        eligibility(p.path("eligibilityModule"));

        JsonNode contacts = p.path("contactsLocationsModule");
        for (JsonNode official : contacts.path("overallOfficials")) {
            start("overall_official");
            element("last_name", text(official, "name"));
            element("role", label(OFFICIAL_ROLE, text(official, "role")));
            element("affiliation", text(official, "affiliation"));
            end();
        }
        JsonNode central = contacts.path("centralContacts");
        contact("overall_contact", central.path(0), true);
        contact("overall_contact_backup", central.path(1), true);
        for (JsonNode location : contacts.path("locations")) {
            start("location");
            start("facility");
            element("name", text(location, "facility"));
            start("address");
            element("city", text(location, "city"));
            element("state", text(location, "state"));
            element("country", text(location, "country"));
            element("zip", text(location, "zip"));
            end();
            end();
            element("status", label(SITE_STATUS, text(location, "status")));
            contact("contact", location.path("contacts").path(0), false);
            contact("contact_backup", location.path("contacts").path(1), false);
            end();
        }
        JsonNode references = p.path("referencesModule");
        for (JsonNode link : references.path("seeAlsoLinks")) {
            if (link.has("url") && link.has("label")) {
                start("link");
                element("url", text(link, "url"));
                element("description", text(link, "label"));
                end();
            }
        }
        for (JsonNode reference : references.path("references")) {
            start("reference");
            element("citation", text(reference, "citation"));
            element("pubmed_id", text(reference, "pmid"));
            element("is_results_ref", "RESULT".equals(text(reference, "type")) ? "yes" : "no");
            end();
        }
    }

    private void design(JsonNode design, int arms) throws XMLStreamException {
        String type = label(STUDY_TYPE, text(design, "studyType"));
        if (type == null) {
            return;
        }
        start("study_design");
        element("study_type", type);
        JsonNode info = design.path("designInfo");
        String phase = label(PHASE, design.has("phases") ? texts(design.get("phases")) : List.of());
        String purpose = label(PURPOSE, text(info, "primaryPurpose"));
        String allocation = label(ALLOCATION, text(info, "allocation"));
        if ("Interventional".equals(type) && phase != null && purpose != null && allocation != null) {
            start("interventional_design");
            element("interventional_subtype", purpose);
            element("phase", phase);
            element("assignment", label(MODEL, text(info, "interventionModel")));
            textBlock("model_description", text(info, "interventionModelDescription"));
            element("allocation", allocation);
            JsonNode masking = info.path("maskingInfo");
            if (masking.has("masking")) {
                boolean none = "NONE".equals(text(masking, "masking"));
                element("no_masking", none ? "yes" : "no");
                List<String> who = texts(masking.path("whoMasked"));
                for (Map.Entry<String, String> masked : MASKED.entrySet()) {
                    element(masked.getValue(), who.contains(masked.getKey()) ? "yes" : "no");
                }
                textBlock("masking_description", text(masking, "maskingDescription"));
            }
            element("number_of_arms", arms == 0 ? null : String.valueOf(arms));
            end();
        }
        end();
    }

    private void eligibility(JsonNode eligibility) throws XMLStreamException {
        String sex = label(SEX, text(eligibility, "sex"));
        if (!eligibility.has("eligibilityCriteria") || sex == null) {
            return;
        }
        start("eligibility");
        textBlock("study_population", text(eligibility, "studyPopulation"));
        textBlock("criteria", text(eligibility, "eligibilityCriteria"));
        element("healthy_volunteers", yesNo(eligibility, "healthyVolunteers"));
        element("gender", sex);
        element("minimum_age", eligibility.has("minimumAge") ? text(eligibility, "minimumAge") : "N/A");
        element("maximum_age", eligibility.has("maximumAge") ? text(eligibility, "maximumAge") : "N/A");
        end();
    }

    private void outcomes(String name, JsonNode outcomes) throws XMLStreamException {
        for (JsonNode outcome : outcomes) {
            start(name);
            element("outcome_measure", text(outcome, "measure"));
            element("outcome_time_frame", text(outcome, "timeFrame"));
            textBlock("outcome_description", text(outcome, "description"));
            end();
        }
    }

    /** A person the upload names by parts: the registry's one name goes whole into {@code last_name}. */
    private void contact(String name, JsonNode contact, boolean nameRequired) throws XMLStreamException {
        if (contact.isMissingNode() || (nameRequired && !contact.has("name"))) {
            return;
        }
        start(name);
        element("last_name", text(contact, "name"));
        element("phone", text(contact, "phone"));
        element("phone_ext", text(contact, "phoneExt"));
        element("email", text(contact, "email"));
        end();
    }

    private void agency(String name, JsonNode sponsor) throws XMLStreamException {
        start(name);
        element("agency", text(sponsor, "name"));
        end();
    }

    private void date(String name, JsonNode date) throws XMLStreamException {
        element(name, text(date, "date"));
        element(name + "_type", label(DATE_TYPE, text(date, "type")));
    }

    private void textBlock(String name, String text) throws XMLStreamException {
        if (text != null) {
            start(name);
            element("textblock", text);
            end();
        }
    }

    private void element(String name, String text) throws XMLStreamException {
        if (text != null) {
            xml.writeStartElement(name);
            xml.writeCharacters(text);
            xml.writeEndElement();
        }
    }

    private void start(String name) throws XMLStreamException {
        xml.writeStartElement(name);
    }

    private void end() throws XMLStreamException {
        xml.writeEndElement();
    }

    /** The schema's label for a registry code; none for an absent or unknown code. */
    private static <K> String label(Map<K, String> labels, K code) {
        return code == null ? null : labels.get(code);
    }

    private static String yesNo(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || !value.isBoolean() ? null : value.booleanValue() ? "yes" : "no";
    }

    private static String text(JsonNode node, String field) {
        return StudyRegistration.text(node, field);
    }

    private static List<String> texts(JsonNode list) {
        List<String> texts = new java.util.ArrayList<>();
        list.forEach(item -> texts.add(item.asText()));
        return texts;
    }
}
