package org.isotox.registry.fhir;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirSystemDao;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.TokenParam;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleType;
import org.hl7.fhir.r4.model.Bundle.HTTPVerb;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Meta;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ResearchStudy;
import org.hl7.fhir.r4.model.Resource;
import org.isotox.fhir.OperationPart;
import org.isotox.registry.domain.ProtocolSection;
import org.isotox.registry.domain.ProtocolSection.IdentificationModule;
import org.isotox.registry.domain.StudyRecord;
import org.isotox.registry.fhir.StudySites.Site;
import org.springframework.stereotype.Component;

/**
 * Creates or updates the study a registration describes, matched on its NCT number, in one
 * transaction: the ResearchStudy and any site or sponsor Organization and Location it does not
 * have yet. Sites already on the study are matched by facility name and left as they are; new
 * facilities are created once, identified by their name, and shared by every study that lists them.
 * An import that changes nothing writes nothing: no resource gets a new version.
 */
@Component
class RegistrationImport {

    static final String FACILITY_SYSTEM = "https://isotox.org/fhir/sid/ctgov-facility";
    static final String SITE_SYSTEM = "https://isotox.org/fhir/sid/ctgov-site";

    private final DaoRegistry daoRegistry;
    private final StudySites studySites;

    RegistrationImport(DaoRegistry daoRegistry, StudySites studySites) {
        this.daoRegistry = daoRegistry;
        this.studySites = studySites;
    }

    ResearchStudy importRecord(StudyRecord record) {
        ProtocolSection registration = checked(record);
        String nctId = registration.identificationModule().nctId();
        Optional<ResearchStudy> existing = find(nctId);
        ResearchStudy study = existing.map(ResearchStudy::copy).orElseGet(ResearchStudy::new);
        List<Site> sites = existing.map(studySites::of).orElse(List.of());

        Bundle transaction = new Bundle().setType(BundleType.TRANSACTION);
        Map<String, Reference> organizations = new LinkedHashMap<>();
        sites.forEach(site -> site.organization().ifPresent(o -> organizations.putIfAbsent(
                site.facility(), new Reference(site.location().getManagingOrganization().getReference()).setDisplay(site.facility()))));
        List<Reference> siteReferences = new ArrayList<>();
        var contacts = registration.contactsLocationsModule();
        for (ProtocolSection.Location location : contacts == null || contacts.locations() == null ? List.<ProtocolSection.Location>of() : contacts.locations()) {
            Optional<Site> known = sites.stream().filter(s -> s.facility().equalsIgnoreCase(location.facility())).findFirst();
            siteReferences.add(known.map(s -> new Reference(s.reference()).setDisplay(s.facility()))
                    .orElseGet(() -> newSite(transaction, organizations, location)));
        }
        var sponsors = registration.sponsorCollaboratorsModule();
        String sponsorName = sponsors == null || sponsors.leadSponsor() == null ? null : sponsors.leadSponsor().name();
        Reference sponsor = sponsorName == null ? null
                : study.getSponsor().hasReference() && sponsorName.equals(study.getSponsor().getDisplay()) ? study.getSponsor()
                : organization(transaction, organizations, sponsorName, null);

        StudyRegistration.apply(registration, study, sponsor, siteReferences);
        Bundle.BundleEntryComponent entry = transaction.addEntry().setResource(study);
        if (existing.isPresent()) {
            String id = "ResearchStudy/" + existing.get().getIdElement().getIdPart();
            study.setId(id);
            entry.setFullUrl(id).getRequest().setMethod(HTTPVerb.PUT).setUrl(id);
        } else {
            entry.setFullUrl(urn()).getRequest().setMethod(HTTPVerb.POST).setUrl("ResearchStudy")
                    .setIfNoneExist("identifier=" + StudyRegistration.NCT_SYSTEM + "|" + nctId);
        }
        Bundle response = systemDao().transaction(new SystemRequestDetails(), transaction);
        String location = response.getEntry().get(response.getEntry().size() - 1).getResponse().getLocation();
        return daoRegistry.getResourceDao(ResearchStudy.class)
                .read(new IdType(location).toUnqualifiedVersionless(), new SystemRequestDetails());
    }

    /** What an import cannot do without; the rest is the registry's to require, checked on export. */
    private static ProtocolSection checked(StudyRecord record) {
        ProtocolSection registration = record.protocolSection();
        if (registration == null) {
            throw OperationPart.malformed(IssueType.REQUIRED, "The record has no protocolSection", "protocolSection");
        }
        IdentificationModule identification = registration.identificationModule();
        String nctId = identification == null ? null : identification.nctId();
        if (nctId == null || !nctId.matches("NCT\\d{8}")) {
            throw OperationPart.malformed(nctId == null ? IssueType.REQUIRED : IssueType.VALUE,
                    nctId == null ? "The record has no NCT number" : "'" + nctId + "' is not an NCT number (NCT and 8 digits)",
                    "protocolSection.identificationModule.nctId");
        }
        if (identification.briefTitle() == null && identification.officialTitle() == null) {
            throw OperationPart.malformed(IssueType.REQUIRED, "The record has no title",
                    "protocolSection.identificationModule.briefTitle");
        }
        if (registration.statusModule() == null || registration.statusModule().overallStatus() == null) {
            throw OperationPart.malformed(IssueType.REQUIRED, "The record has no overall status",
                    "protocolSection.statusModule.overallStatus");
        }
        if (registration.contactsLocationsModule() != null && registration.contactsLocationsModule().locations() != null) {
            List<ProtocolSection.Location> locations = registration.contactsLocationsModule().locations();
            for (int i = 0; i < locations.size(); i++) {
                if (locations.get(i).facility() == null || locations.get(i).facility().isBlank()) {
                    throw OperationPart.malformed(IssueType.REQUIRED, "A location has no facility name",
                            "protocolSection.contactsLocationsModule.locations[" + i + "].facility");
                }
            }
        }
        return registration;
    }

    private Optional<ResearchStudy> find(String nctId) {
        SearchParameterMap byNct = SearchParameterMap.newSynchronous(
                ResearchStudy.SP_IDENTIFIER, new TokenParam(StudyRegistration.NCT_SYSTEM, nctId));
        return daoRegistry.getResourceDao(ResearchStudy.class).search(byNct, new SystemRequestDetails())
                .getAllResources().stream().map(ResearchStudy.class::cast).findFirst();
    }

    private static Reference newSite(Bundle transaction, Map<String, Reference> organizations, ProtocolSection.Location site) {
        Address address = new Address().setCity(site.city()).setState(site.state()).setPostalCode(site.zip()).setCountry(site.country());
        Reference organization = organization(transaction, organizations, site.facility(), address);
        Location location = new Location().setStatus(Location.LocationStatus.ACTIVE).setName(site.facility())
                .setManagingOrganization(organization).setAddress(address);
        location.addIdentifier().setSystem(SITE_SYSTEM).setValue(key(site.facility()));
        return conditionalCreate(transaction, location, SITE_SYSTEM, key(site.facility())).setDisplay(site.facility());
    }

    private static Reference organization(Bundle transaction, Map<String, Reference> known, String name, Address address) {
        return known.computeIfAbsent(name, n -> {
            Organization organization = new Organization().setName(n).setActive(true);
            if (address != null) {
                organization.addAddress(address.copy());
            }
            organization.addIdentifier().setSystem(FACILITY_SYSTEM).setValue(key(n));
            return conditionalCreate(transaction, organization, FACILITY_SYSTEM, key(n)).setDisplay(n);
        });
    }

    private static Reference conditionalCreate(Bundle transaction, Resource resource, String system, String value) {
        String fullUrl = urn();
        transaction.addEntry().setFullUrl(fullUrl).setResource(resource).getRequest()
                .setMethod(HTTPVerb.POST).setUrl(resource.fhirType()).setIfNoneExist("identifier=" + system + "|" + value);
        return new Reference(fullUrl);
    }

    /** A facility's identifier value: the same name (ignoring case and spacing), the same value. */
    private static String key(String facility) {
        String normalised = facility.trim().replaceAll("\\s+", " ").toLowerCase(java.util.Locale.ROOT);
        return UUID.nameUUIDFromBytes(normalised.getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static String urn() {
        return "urn:uuid:" + UUID.randomUUID();
    }

    @SuppressWarnings("unchecked")
    private IFhirSystemDao<Bundle, Meta> systemDao() {
        return (IFhirSystemDao<Bundle, Meta>) daoRegistry.getSystemDao();
    }
}
