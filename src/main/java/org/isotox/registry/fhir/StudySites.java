package org.isotox.registry.fhir;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ResearchStudy;
import org.springframework.stereotype.Component;

/**
 * A study's sites as the registry lists them: each {@code ResearchStudy.site} Location with the
 * Organization that manages it (the facility), read in two searches however many sites there are.
 */
@Component
class StudySites {

    /** One site: the study's reference to it (its element id keeps its place in the registration), the Location and its Organization. */
    record Site(Reference reference, Location location, Optional<Organization> organization) {

        /** The facility name: the Organization's, else the Location's. */
        String facility() {
            return organization.map(Organization::getName).filter(n -> !n.isBlank()).orElse(location.getName());
        }

        /** The address to show: the Location's, else the Organization's. */
        Address address() {
            if (location.hasAddress()) {
                return location.getAddress();
            }
            return organization.filter(Organization::hasAddress).map(o -> o.getAddressFirstRep()).orElse(new Address());
        }
    }

    /** Ids per search: HAPI answers a larger synchronous search asynchronously. */
    private static final int BATCH = 100;

    private final DaoRegistry daoRegistry;

    StudySites(DaoRegistry daoRegistry) {
        this.daoRegistry = daoRegistry;
    }

    List<Site> of(ResearchStudy study) {
        List<Reference> references = study.getSite().stream()
                .filter(r -> r.hasReference() && r.getReference().startsWith("Location/")).toList();
        Map<String, Location> locations = read(Location.class, references.stream().map(Reference::getReference).toList());
        Map<String, Organization> organizations = read(Organization.class, locations.values().stream()
                .filter(l -> l.getManagingOrganization().hasReference())
                .map(l -> l.getManagingOrganization().getReference()).toList());
        return references.stream()
                .filter(r -> locations.containsKey(id(r.getReference())))
                .map(r -> {
                    Location location = locations.get(id(r.getReference()));
                    return new Site(r, location, location.getManagingOrganization().hasReference()
                            ? Optional.ofNullable(organizations.get(id(location.getManagingOrganization().getReference())))
                            : Optional.empty());
                })
                .toList();
    }

    /** The stored resources of {@code type} with these identifier values of {@code system}: value to "Type/id". */
    Map<String, String> withIdentifiers(Class<? extends IBaseResource> type, String system, Collection<String> values) {
        List<String> distinct = values.stream().distinct().toList();
        Map<String, String> found = new HashMap<>();
        for (int from = 0; from < distinct.size(); from += BATCH) {
            TokenOrListParam batch = new TokenOrListParam();
            distinct.subList(from, Math.min(distinct.size(), from + BATCH)).forEach(v -> batch.add(system, v));
            search(type, "identifier", batch).forEach(r -> ((org.hl7.fhir.r4.model.DomainResource) r).getChildByName("identifier")
                    .getValues().stream().map(org.hl7.fhir.r4.model.Identifier.class::cast)
                    .filter(i -> system.equals(i.getSystem()))
                    .forEach(i -> found.putIfAbsent(i.getValue(), type.getSimpleName() + "/" + r.getIdElement().getIdPart())));
        }
        return found;
    }

    private List<IBaseResource> search(Class<? extends IBaseResource> type, String parameter, TokenOrListParam values) {
        SearchParameterMap map = SearchParameterMap.newSynchronous().add(parameter, values);
        map.setLoadSynchronousUpTo(BATCH);
        return daoRegistry.getResourceDao(type).search(map, new SystemRequestDetails()).getAllResources();
    }

    private <T extends IBaseResource> Map<String, T> read(Class<T> type, List<String> references) {
        if (references.isEmpty()) {
            return Map.of();
        }
        List<String> ids = references.stream().map(StudySites::id).distinct().toList();
        Map<String, T> found = new HashMap<>();
        for (int from = 0; from < ids.size(); from += BATCH) {
            TokenOrListParam batch = new TokenOrListParam();
            ids.subList(from, Math.min(ids.size(), from + BATCH)).forEach(batch::add);
            search(type, "_id", batch).forEach(r -> found.put(r.getIdElement().getIdPart(), type.cast(r)));
        }
        return found;
    }

    private static String id(String reference) {
        return new IdType(reference).getIdPart();
    }
}
