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
import org.hl7.fhir.r4.model.ResearchStudy.ResearchStudyStatus;
import org.hl7.fhir.r4.model.Resource;
import org.isotox.fhir.OperationPart;
import org.isotox.registry.domain.OverallStatus;
import org.isotox.registry.domain.ProtocolSection;
import org.isotox.registry.domain.ProtocolSection.IdentificationModule;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import org.isotox.registry.domain.StudyRecord;
import org.isotox.registry.fhir.StudySites.Site;
import org.springframework.stereotype.Component;

/**
 * Creates or updates the study a registration describes, matched on its NCT number, in one
 * transaction: the ResearchStudy and any site Location and sponsor or facility Organization it does not
 * have yet. A registry location is a Location of its own (name, address, position, contacts' telecom),
 * identified by the study's NCT number and the location's facility and address; a site already on the
 * study is matched by facility name (and city, when both have one) and, when an import created it,
 * brought up to date. Facility Organizations are shared by every study that lists the facility.
 * The registration's other fields are kept as {@link KeptRegistration} describes. An import that changes
 * nothing writes nothing: no resource gets a new version.
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

    /** The status of a record whose overall status the registry set to UNKNOWN: the last known one. */
    private static ResearchStudyStatus lastKnownStatus(ObjectNode registrySide) {
        return OverallStatus.named(registrySide.at("/assigned/statusModule/lastKnownStatus").asText())
                .flatMap(OverallStatus::fhirCode)
                .map(ResearchStudyStatus::fromCode)
                .orElseThrow(() -> OperationPart.malformed(IssueType.REQUIRED,
                        "The registry's status is UNKNOWN and the record has no known last status to take instead",
                        "protocolSection.statusModule.lastKnownStatus"));
    }

    /** {@code record}: the record as read ({@link CtgovJson#read}, which checked its shape); {@code tree}: the same record as JSON. */
    ResearchStudy importRecord(StudyRecord record, ObjectNode tree) {
        String nctId = checked(record).identificationModule().nctId();
        ObjectNode registrySide = KeptRegistration.registrySide(tree);
        JsonNode registration = tree.get("protocolSection");
        Optional<ResearchStudy> existing = find(nctId);
        ResearchStudy study = existing.map(ResearchStudy::copy).orElseGet(ResearchStudy::new);
        List<Site> known = new ArrayList<>(existing.map(studySites::of).orElse(List.of()));

        Bundle transaction = new Bundle().setType(BundleType.TRANSACTION);
        Map<String, String> stored = new HashMap<>();
        Map<String, Reference> organizations = new LinkedHashMap<>();
        known.forEach(site -> site.organization().ifPresent(o -> organizations.putIfAbsent(
                site.facility(), new Reference(site.location().getManagingOrganization().getReference()).setDisplay(site.facility()))));
        List<Reference> siteReferences = new ArrayList<>();
        List<Site> sites = new ArrayList<>();
        JsonNode locations = registration.path("contactsLocationsModule").path("locations");
        List<String> siteKeys = siteKeys(locations, nctId);
        List<String> facilities = new ArrayList<>();
        locations.forEach(l -> facilities.add(key(StudyRegistration.text(l, "facility"))));
        String sponsorName = StudyRegistration.text(registration.path("sponsorCollaboratorsModule").path("leadSponsor"), "name");
        if (sponsorName != null) {
            facilities.add(key(sponsorName));
        }
        // one search per hundred sites instead of a conditional create each
        stored.putAll(studySites.withIdentifiers(Location.class, SITE_SYSTEM, siteKeys));
        stored.putAll(studySites.withIdentifiers(Organization.class, FACILITY_SYSTEM, facilities));
        StudyRegistration.each(locations, (i, location) -> {
            Site site = matching(known, location)
                    .map(s -> {
                        known.remove(s);
                        return keptUpToDate(transaction, s, location);
                    })
                    .orElseGet(() -> newSite(transaction, stored, organizations, location, siteKeys.get(i)));
            site.reference().setId("locations-" + i);
            siteReferences.add(site.reference());
            sites.add(site);
        });
        Reference sponsor = sponsorName == null ? null
                : study.getSponsor().hasReference() && sponsorName.equals(study.getSponsor().getDisplay()) ? study.getSponsor()
                : organization(transaction, stored, organizations, sponsorName, null);

        StudyRegistration.apply(registration, study, sponsor, siteReferences);
        if (!study.hasStatus()) {
            study.setStatus(lastKnownStatus(registrySide));
        }
        boolean officialTitle = registration.path("identificationModule").hasNonNull("officialTitle");
        ObjectNode held = StudyRegistration.held(study, sites, officialTitle);
        KeptRegistration.keep(study, RegistrationTree.rest(registration, held), registrySide, held);

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

    /** A site of the study with the location's facility: in the same city when both name one, else the first. */
    private static Optional<Site> matching(List<Site> known, JsonNode location) {
        String facility = StudyRegistration.text(location, "facility");
        String city = StudyRegistration.text(location, "city");
        List<Site> named = known.stream().filter(s -> facility.equalsIgnoreCase(s.facility())).toList();
        return named.stream().filter(s -> city != null && city.equalsIgnoreCase(s.address().getCity())).findFirst()
                .or(() -> named.stream().findFirst());
    }

    /** A site an import created takes the registration's name, address, position and contacts; the study's own sites are left alone. */
    private static Site keptUpToDate(Bundle transaction, Site site, JsonNode location) {
        Reference reference = new Reference(site.reference().getReference()).setDisplay(site.facility());
        if (site.location().getIdentifier().stream().noneMatch(i -> SITE_SYSTEM.equals(i.getSystem()))) {
            return new Site(reference, site.location(), site.organization());
        }
        Location updated = SiteFields.write(location, site.location().copy());
        if (!updated.equalsDeep(site.location())) {
            String id = "Location/" + site.location().getIdElement().getIdPart();
            updated.setId(id);
            transaction.addEntry().setFullUrl(id).setResource(updated).getRequest().setMethod(HTTPVerb.PUT).setUrl(id);
        }
        return new Site(reference, updated, site.organization());
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

    private static Site newSite(Bundle transaction, Map<String, String> stored, Map<String, Reference> organizations, JsonNode site, String key) {
        String facility = StudyRegistration.text(site, "facility");
        Location location = SiteFields.write(site, new Location().setStatus(Location.LocationStatus.ACTIVE));
        Address address = location.hasAddress() ? location.getAddress() : null;
        location.setManagingOrganization(organization(transaction, stored, organizations, facility, address).copy());
        location.addIdentifier().setSystem(SITE_SYSTEM).setValue(key);
        Reference reference = create(transaction, stored, location, key).setDisplay(facility);
        return new Site(reference, location, Optional.empty());
    }

    /** Each location's identifier value: the study's NCT number, the facility and its address, and the how-manieth such it is. */
    private static List<String> siteKeys(JsonNode locations, String nctId) {
        Map<String, Integer> occurrences = new HashMap<>();
        List<String> keys = new ArrayList<>();
        // the same facility at the same address twice in one registration is two sites
        locations.forEach(site -> {
            String place = String.join("|", nctId, StudyRegistration.text(site, "facility"),
                    String.valueOf(StudyRegistration.text(site, "city")), String.valueOf(StudyRegistration.text(site, "state")),
                    String.valueOf(StudyRegistration.text(site, "zip")), String.valueOf(StudyRegistration.text(site, "country")));
            keys.add(key(place + "|" + occurrences.merge(place, 1, Integer::sum)));
        });
        return keys;
    }

    private static Reference organization(Bundle transaction, Map<String, String> stored, Map<String, Reference> known, String name,
            Address address) {
        return known.computeIfAbsent(name, n -> {
            Organization organization = new Organization().setName(n).setActive(true);
            if (address != null) {
                organization.addAddress(address.copy());
            }
            organization.addIdentifier().setSystem(FACILITY_SYSTEM).setValue(key(n));
            return create(transaction, stored, organization, key(n)).setDisplay(n);
        });
    }

    /**
     * The stored resource with this identifier value (looked up in batches beforehand), else a new one. A
     * conditional create per site cost 40 ms each; two imports naming the same new facility at the same moment
     * may each create its Organization; later imports then use one of the two.
     */
    private static Reference create(Bundle transaction, Map<String, String> stored, Resource resource, String value) {
        if (stored.containsKey(value)) {
            return new Reference(stored.get(value));
        }
        String fullUrl = urn();
        transaction.addEntry().setFullUrl(fullUrl).setResource(resource).getRequest()
                .setMethod(HTTPVerb.POST).setUrl(resource.fhirType());
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
