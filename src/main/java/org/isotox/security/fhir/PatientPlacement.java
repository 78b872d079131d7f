package org.isotox.security.fhir;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirResourceDao;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Meta;
import org.isotox.security.domain.Owner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Places a patient no site owned at a site: the patient and the trial-wide records that refer to him
 * (and those that refer to them: a Provenance of an Observation) take the site's label, on their current
 * version ({@code $meta-delete}/{@code $meta-add}: no new version), in the running write transaction.
 * The audit trail stays trial-wide.
 */
@Component
class PatientPlacement {

    private static final Logger LOG = LoggerFactory.getLogger(PatientPlacement.class);
    private static final String REFERRERS = """
            select r.res_type, r.fhir_id from hfj_res_link l join hfj_resource r on r.res_id = l.src_resource_id
            where l.target_resource_id in (select t.res_id from hfj_resource t where t.res_type = ?1 and t.fhir_id = ?2)
              and r.res_deleted_at is null and r.res_type <> 'AuditEvent'
            """;

    private final DaoRegistry daoRegistry;
    private final StoredOwners storedOwners;

    @PersistenceContext
    private EntityManager entityManager;

    PatientPlacement(DaoRegistry daoRegistry, StoredOwners storedOwners) {
        this.daoRegistry = daoRegistry;
        this.storedOwners = storedOwners;
    }

    void place(IdType patient, Owner site, RequestDetails request) {
        Deque<IdType> todo = new ArrayDeque<>(List.of(patient));
        Set<String> seen = new HashSet<>();
        int placed = 0;
        while (!todo.isEmpty()) {
            IdType next = todo.pop();
            if (!seen.add(next.getValue()) || !relabel(next, site, request)) {
                continue;
            }
            placed++;
            todo.addAll(referrers(next));
        }
        LOG.info("{} placed at site {}: {} resources labelled", patient.getValue(), ((Owner.SiteOwned) site).siteCode(), placed);
    }

    /** Gives a trial-wide resource the site's label; false (and nothing changed) for one of another owner. */
    private boolean relabel(IdType id, Owner site, RequestDetails request) {
        @SuppressWarnings("unchecked")
        IFhirResourceDao<IBaseResource> dao = daoRegistry.getResourceDao(id.getResourceType());
        SystemRequestDetails system = Relabelling.request();
        IBaseResource stored;
        try {
            stored = dao.read(id.toUnqualifiedVersionless(), system);
        } catch (RuntimeException absent) {
            return false;
        }
        Optional<Owner> owner = OwnershipLabels.of(stored);
        if (owner.isPresent() && !owner.get().equals(Owner.TRIAL_WIDE)) {
            return false;
        }
        owner.ifPresent(old -> dao.metaDeleteOperation(id.toUnqualifiedVersionless(), metaOf(old), system));
        dao.metaAddOperation(id.toUnqualifiedVersionless(), metaOf(site), system);
        stored.setId(id.toUnqualifiedVersionless());
        storedOwners.remember(stored, site, request);
        return true;
    }

    private List<IdType> referrers(IdType target) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery(REFERRERS)
                .setParameter(1, target.getResourceType())
                .setParameter(2, target.getIdPart())
                .getResultList();
        return rows.stream().map(row -> new IdType((String) row[0], (String) row[1])).toList();
    }

    private static Meta metaOf(Owner owner) {
        Meta meta = new Meta();
        meta.addSecurity(OwnershipLabels.coding(owner));
        return meta;
    }
}
