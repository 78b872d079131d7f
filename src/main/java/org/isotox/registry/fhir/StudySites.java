package org.isotox.registry.fhir;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ResearchStudy;
import org.springframework.stereotype.Component;

/**
 * A study's sites as the registry lists them: each {@code ResearchStudy.site} Location with the
 * Organization that manages it (the facility).
 */
@Component
class StudySites {

    /** One site: its reference from the study, the Location and, when it has one, its Organization. */
    record Site(String reference, Location location, Optional<Organization> organization) {

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

    private final DaoRegistry daoRegistry;

    StudySites(DaoRegistry daoRegistry) {
        this.daoRegistry = daoRegistry;
    }

    List<Site> of(ResearchStudy study) {
        return study.getSite().stream().map(this::site).flatMap(Optional::stream).toList();
    }

    private Optional<Site> site(Reference reference) {
        if (!reference.hasReference() || !reference.getReference().startsWith("Location/")) {
            return Optional.empty();
        }
        return read(Location.class, reference.getReference()).map(location -> new Site(
                reference.getReference(),
                location,
                location.getManagingOrganization().hasReference()
                        ? read(Organization.class, location.getManagingOrganization().getReference())
                        : Optional.empty()));
    }

    private <T extends org.hl7.fhir.instance.model.api.IBaseResource> Optional<T> read(Class<T> type, String reference) {
        try {
            return Optional.of(daoRegistry.getResourceDao(type)
                    .read(new IdType(reference).toUnqualifiedVersionless(), new SystemRequestDetails()));
        } catch (ResourceNotFoundException | ResourceGoneException e) {
            return Optional.empty();
        }
    }
}
