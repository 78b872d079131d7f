package org.isotox.registry.fhir;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ContactDetail;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.ContactPoint.ContactPointSystem;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ResearchStudy;
import org.hl7.fhir.r4.model.ResearchStudy.ResearchStudyArmComponent;
import org.hl7.fhir.r4.model.ResearchStudy.ResearchStudyObjectiveComponent;
import org.hl7.fhir.r4.model.ResearchStudy.ResearchStudyStatus;
import org.isotox.fhir.Canonicals;
import org.isotox.registry.domain.OverallStatus;
import org.isotox.registry.domain.Phase;
import org.isotox.registry.domain.ProtocolSection;
import org.isotox.registry.domain.ProtocolSection.ArmGroup;
import org.isotox.registry.domain.ProtocolSection.ArmGroupType;
import org.isotox.registry.domain.ProtocolSection.ArmsInterventionsModule;
import org.isotox.registry.domain.ProtocolSection.ConditionsModule;
import org.isotox.registry.domain.ProtocolSection.Contact;
import org.isotox.registry.domain.ProtocolSection.ContactsLocationsModule;
import org.isotox.registry.domain.ProtocolSection.DateStruct;
import org.isotox.registry.domain.ProtocolSection.DescriptionModule;
import org.isotox.registry.domain.ProtocolSection.DesignInfo;
import org.isotox.registry.domain.ProtocolSection.DesignModule;
import org.isotox.registry.domain.ProtocolSection.IdentificationModule;
import org.isotox.registry.domain.ProtocolSection.Location;
import org.isotox.registry.domain.ProtocolSection.Outcome;
import org.isotox.registry.domain.ProtocolSection.OutcomesModule;
import org.isotox.registry.domain.ProtocolSection.PrimaryPurpose;
import org.isotox.registry.domain.ProtocolSection.Sponsor;
import org.isotox.registry.domain.ProtocolSection.SponsorCollaboratorsModule;
import org.isotox.registry.domain.ProtocolSection.StatusModule;
import org.isotox.registry.domain.ProtocolSection.StudyType;

/**
 * A registration and the ResearchStudy that holds it. What FHIR has an element for lives there and
 * wins on export (NCT identifier, title, status, dates, sponsor, summary, conditions, keywords,
 * phase, primary purpose, arms, outcome measures as objectives, central contacts, sites); the
 * registration as last imported is kept whole in the {@code ctgov-registration} extension (a JSON
 * attachment) and supplies the rest (brief title, design details, interventions, outcome
 * descriptions and time frames, eligibility, officials).
 */
final class StudyRegistration {

    static final String NCT_SYSTEM = "https://clinicaltrials.gov";
    static final String REGISTRATION = Canonicals.structureDefinition("ctgov-registration");
    private static final String PHASE_SYSTEM = "http://terminology.hl7.org/CodeSystem/research-study-phase";
    private static final String PURPOSE_SYSTEM = "http://terminology.hl7.org/CodeSystem/research-study-prim-purp-type";
    private static final String ARM_TYPE_SYSTEM = "http://terminology.hl7.org/CodeSystem/research-study-arm-type";
    private static final String OBJECTIVE_SYSTEM = "http://terminology.hl7.org/CodeSystem/research-study-objective-type";

    private StudyRegistration() {}

    /** The study's ClinicalTrials.gov number, if it has one. */
    static Optional<String> nctId(ResearchStudy study) {
        return study.getIdentifier().stream()
                .filter(i -> NCT_SYSTEM.equals(i.getSystem()) && i.hasValue())
                .map(Identifier::getValue)
                .findFirst();
    }

    /** Writes the registration into {@code study}, keeping what the registry does not describe (trial rules, protocol, enrolment Group). */
    static void apply(ProtocolSection registration, ResearchStudy study, Reference sponsor, List<Reference> sites) {
        IdentificationModule identification = registration.identificationModule();
        if (nctId(study).isEmpty()) {
            study.addIdentifier().setUse(Identifier.IdentifierUse.OFFICIAL).setSystem(NCT_SYSTEM).setValue(identification.nctId());
        }
        study.setTitle(identification.officialTitle() != null ? identification.officialTitle() : identification.briefTitle());
        StatusModule status = registration.statusModule();
        study.setStatus(ResearchStudyStatus.fromCode(status.overallStatus().fhirCode()));
        study.getPeriod().setStartElement(date(status.startDateStruct())).setEndElement(date(status.completionDateStruct()));
        if (!study.getPeriod().hasStart() && !study.getPeriod().hasEnd()) {
            study.setPeriod(null);
        }
        study.setSponsor(sponsor);
        DescriptionModule description = registration.descriptionModule();
        study.setDescription(description == null ? null : description.briefSummary());
        ConditionsModule conditions = registration.conditionsModule();
        study.setCondition(concepts(study.getCondition(), conditions == null ? null : conditions.conditions()));
        study.setKeyword(concepts(study.getKeyword(), conditions == null ? null : conditions.keywords()));
        DesignModule design = registration.designModule();
        study.setPhase(code(study.getPhase(), PHASE_SYSTEM,
                design == null ? null : Phase.fhirCode(design.phases()).orElse(null)));
        DesignInfo info = design == null ? null : design.designInfo();
        study.setPrimaryPurposeType(code(study.getPrimaryPurposeType(), PURPOSE_SYSTEM,
                info == null || info.primaryPurpose() == null ? null : info.primaryPurpose().fhirCode()));
        ArmsInterventionsModule arms = registration.armsInterventionsModule();
        study.setArm(arms(study.getArm(), arms == null ? List.of() : orEmpty(arms.armGroups())));
        OutcomesModule outcomes = registration.outcomesModule();
        List<ResearchStudyObjectiveComponent> objectives = new ArrayList<>();
        if (outcomes != null) {
            orEmpty(outcomes.primaryOutcomes()).forEach(o -> objectives.add(objective(study, o.measure(), "primary")));
            orEmpty(outcomes.secondaryOutcomes()).forEach(o -> objectives.add(objective(study, o.measure(), "secondary")));
        }
        study.setObjective(objectives);
        ContactsLocationsModule contacts = registration.contactsLocationsModule();
        study.setContact(contacts == null ? List.of() : orEmpty(contacts.centralContacts()).stream().map(StudyRegistration::contact).toList());
        study.setSite(sites);
        study.getExtension().removeIf(e -> REGISTRATION.equals(e.getUrl()));
        study.addExtension(REGISTRATION, new Attachment().setContentType("application/json")
                .setData(CtgovJson.write(registration).getBytes(StandardCharsets.UTF_8)));
    }

    /** The registration of {@code study} as the registry shows it: its FHIR elements over the registration last imported. */
    static ProtocolSection protocolSection(ResearchStudy study, List<StudySites.Site> sites) {
        ProtocolSection stored = stored(study).orElse(new ProtocolSection(null, null, null, null, null, null, null, null, null, null));
        IdentificationModule storedId = stored.identificationModule();
        String title = study.getTitle();
        String briefTitle = storedId != null && storedId.briefTitle() != null ? storedId.briefTitle() : title;
        String officialTitle = storedId != null && storedId.officialTitle() == null && Objects.equals(title, briefTitle) ? null : title;
        IdentificationModule identification = new IdentificationModule(nctId(study).orElse(null),
                storedId == null ? null : storedId.orgStudyIdInfo(), storedId == null ? null : storedId.organization(),
                briefTitle, officialTitle, storedId == null ? null : storedId.acronym());

        StatusModule storedStatus = stored.statusModule();
        StatusModule status = new StatusModule(
                storedStatus == null ? null : storedStatus.statusVerifiedDate(),
                study.hasStatus() ? OverallStatus.ofFhir(study.getStatus().toCode()).orElse(null) : null,
                storedStatus == null ? null : storedStatus.whyStopped(),
                dateStruct(study.getPeriod().getStartElement(), storedStatus == null ? null : storedStatus.startDateStruct()),
                storedStatus == null ? null : storedStatus.primaryCompletionDateStruct(),
                dateStruct(study.getPeriod().getEndElement(), storedStatus == null ? null : storedStatus.completionDateStruct()));

        SponsorCollaboratorsModule storedSponsors = stored.sponsorCollaboratorsModule();
        Sponsor storedLead = storedSponsors == null ? null : storedSponsors.leadSponsor();
        String sponsorName = study.getSponsor().hasDisplay() ? study.getSponsor().getDisplay() : storedLead == null ? null : storedLead.name();
        SponsorCollaboratorsModule sponsors = new SponsorCollaboratorsModule(
                sponsorName == null ? null : new Sponsor(sponsorName, storedLead != null && sponsorName.equals(storedLead.name()) ? storedLead.sponsorClass() : null),
                storedSponsors == null ? null : storedSponsors.collaborators());

        DescriptionModule description = new DescriptionModule(study.getDescription(),
                stored.descriptionModule() == null ? null : stored.descriptionModule().detailedDescription());
        ConditionsModule conditions = new ConditionsModule(
                nullIfEmpty(study.getCondition().stream().map(StudyRegistration::text).toList()),
                nullIfEmpty(study.getKeyword().stream().map(StudyRegistration::text).toList()));

        DesignModule storedDesign = stored.designModule();
        DesignInfo storedInfo = storedDesign == null ? null : storedDesign.designInfo();
        List<Phase> phases = codeIn(study.getPhase(), PHASE_SYSTEM).flatMap(Phase::ofFhir)
                .orElse(storedDesign == null ? null : storedDesign.phases());
        PrimaryPurpose purpose = codeIn(study.getPrimaryPurposeType(), PURPOSE_SYSTEM)
                .flatMap(code -> Arrays.stream(PrimaryPurpose.values()).filter(p -> code.equals(p.fhirCode())).findFirst())
                .orElse(storedInfo == null ? null : storedInfo.primaryPurpose());
        DesignModule design = new DesignModule(
                storedDesign != null && storedDesign.studyType() != null ? storedDesign.studyType()
                        : study.hasArm() ? StudyType.INTERVENTIONAL : null,
                phases,
                new DesignInfo(storedInfo == null ? null : storedInfo.allocation(),
                        storedInfo == null ? null : storedInfo.interventionModel(), purpose,
                        storedInfo == null ? null : storedInfo.maskingInfo()),
                storedDesign == null ? null : storedDesign.enrollmentInfo());

        ArmsInterventionsModule storedArms = stored.armsInterventionsModule();
        List<ArmGroup> armGroups = study.getArm().stream().map(arm -> new ArmGroup(arm.getName(),
                codeIn(arm.getType(), ARM_TYPE_SYSTEM).flatMap(code -> Arrays.stream(ArmGroupType.values())
                        .filter(t -> t.fhirCode().equals(code)).findFirst()).orElse(null),
                arm.getDescription(),
                matching(storedArms == null ? null : storedArms.armGroups(), ArmGroup::label, arm.getName())
                        .map(ArmGroup::interventionNames).orElse(null))).toList();
        ArmsInterventionsModule arms = new ArmsInterventionsModule(nullIfEmpty(armGroups),
                storedArms == null ? null : storedArms.interventions());

        OutcomesModule storedOutcomes = stored.outcomesModule();
        OutcomesModule outcomes = new OutcomesModule(
                nullIfEmpty(outcomes(study, "primary", storedOutcomes == null ? null : storedOutcomes.primaryOutcomes())),
                nullIfEmpty(outcomes(study, "secondary", storedOutcomes == null ? null : storedOutcomes.secondaryOutcomes())));

        ContactsLocationsModule storedContacts = stored.contactsLocationsModule();
        List<Contact> centralContacts = study.getContact().stream().map(c -> new Contact(c.getName(),
                matching(storedContacts == null ? null : storedContacts.centralContacts(), Contact::name, c.getName())
                        .map(Contact::role).orElse(null),
                telecom(c, ContactPointSystem.PHONE), telecom(c, ContactPointSystem.EMAIL))).toList();
        List<Location> locations = sites.stream().map(site -> new Location(site.facility(),
                matching(storedContacts == null ? null : storedContacts.locations(), Location::facility, site.facility())
                        .map(Location::status).orElse(null),
                site.address().getCity(), site.address().getState(), site.address().getPostalCode(),
                site.address().getCountry())).toList();
        ContactsLocationsModule contacts = new ContactsLocationsModule(nullIfEmpty(centralContacts),
                storedContacts == null ? null : storedContacts.overallOfficials(), nullIfEmpty(locations));

        return new ProtocolSection(identification, status, sponsors, description, conditions, design, arms, outcomes,
                stored.eligibilityModule(), contacts);
    }

    private static Optional<ProtocolSection> stored(ResearchStudy study) {
        return Optional.ofNullable(study.getExtensionByUrl(REGISTRATION))
                .filter(e -> e.getValue() instanceof Attachment attachment && attachment.hasData())
                .map(e -> CtgovJson.read(new String(((Attachment) e.getValue()).getData(), StandardCharsets.UTF_8), ProtocolSection.class));
    }

    private static List<Outcome> outcomes(ResearchStudy study, String type, List<Outcome> stored) {
        return study.getObjective().stream()
                .filter(o -> codeIn(o.getType(), OBJECTIVE_SYSTEM).filter(type::equals).isPresent())
                .map(o -> matching(stored, Outcome::measure, o.getName())
                        .orElse(new Outcome(o.getName(), null, null)))
                .toList();
    }

    private static List<ResearchStudyArmComponent> arms(List<ResearchStudyArmComponent> existing, List<ArmGroup> groups) {
        return groups.stream().map(group -> {
            String code = group.type() == null ? null : group.type().fhirCode();
            ResearchStudyArmComponent arm = existing.stream().filter(a -> Objects.equals(a.getName(), group.label()))
                    .findFirst().map(ResearchStudyArmComponent::copy).orElse(new ResearchStudyArmComponent().setName(group.label()));
            return arm.setType(code(arm.getType(), ARM_TYPE_SYSTEM, code)).setDescription(group.description());
        }).toList();
    }

    private static ResearchStudyObjectiveComponent objective(ResearchStudy study, String measure, String type) {
        return study.getObjective().stream()
                .filter(o -> Objects.equals(o.getName(), measure) && codeIn(o.getType(), OBJECTIVE_SYSTEM).filter(type::equals).isPresent())
                .findFirst()
                .map(ResearchStudyObjectiveComponent::copy)
                .orElse(new ResearchStudyObjectiveComponent().setName(measure)
                        .setType(new CodeableConcept().addCoding(new Coding(OBJECTIVE_SYSTEM, type, null))));
    }

    private static ContactDetail contact(Contact contact) {
        ContactDetail detail = new ContactDetail().setName(contact.name());
        if (contact.phone() != null) {
            detail.addTelecom().setSystem(ContactPointSystem.PHONE).setValue(contact.phone());
        }
        if (contact.email() != null) {
            detail.addTelecom().setSystem(ContactPointSystem.EMAIL).setValue(contact.email());
        }
        return detail;
    }

    private static String telecom(ContactDetail contact, ContactPointSystem system) {
        return contact.getTelecom().stream().filter(t -> t.getSystem() == system).map(ContactPoint::getValue).findFirst().orElse(null);
    }

    /** The concepts for these texts, keeping an existing concept (with its codings) whose text or display matches. */
    private static List<CodeableConcept> concepts(List<CodeableConcept> existing, List<String> texts) {
        return orEmpty(texts).stream()
                .map(text -> existing.stream().filter(c -> text.equalsIgnoreCase(text(c))).findFirst()
                        .orElse(new CodeableConcept().setText(text)))
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

    private static DateTimeType date(DateStruct date) {
        return date == null || date.date() == null ? null : new DateTimeType(date.date());
    }

    private static DateStruct dateStruct(DateTimeType date, DateStruct stored) {
        if (date == null || !date.hasValue()) {
            return null;
        }
        String value = date.getValueAsString();
        if (value.length() > 10) {
            value = value.substring(0, 10);
        }
        return new DateStruct(value, stored != null && value.equals(stored.date()) ? stored.type() : null);
    }

    private static <T> Optional<T> matching(List<T> items, Function<T, String> key, String value) {
        return orEmpty(items).stream().filter(i -> Objects.equals(key.apply(i), value)).findFirst();
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static <T> List<T> nullIfEmpty(List<T> list) {
        return list.isEmpty() ? null : list;
    }

}
