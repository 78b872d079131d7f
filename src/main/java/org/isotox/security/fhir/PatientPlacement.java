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
 * Moves a patient from one owner to another: the patient no site owned that the coordinator enrols at a
 * site, or the patient the coordinator transfers ({@code Patient/{id}/$transfer}). The patient and the
 * records of the old owner that refer to him (and those that refer to them: a Provenance of an
 * Observation) take the new owner's label, on their current version ({@code $meta-delete}/{@code
 * $meta-add}: no new version), in the running transaction. The audit trail stays trial-wide.
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

    /** @return how many resources were relabelled */
    int move(IdType patient, Owner from, Owner to, RequestDetails request) {
        Deque<IdType> todo = new ArrayDeque<>(List.of(patient));
        Set<String> seen = new HashSet<>();
        int placed = 0;
        while (!todo.isEmpty()) {
            IdType next = todo.pop();
            if (!seen.add(next.getValue()) || !relabel(next, from, to, request)) {
                continue;
            }
            placed++;
            todo.addAll(referrers(next));
        }
        LOG.info("{} moved from {} to {}: {} resources labelled", patient.getValue(), OwnershipLabels.coding(from).getCode(),
                OwnershipLabels.coding(to).getCode(), placed);
        return placed;
    }

    /** Gives a resource of the old owner the new owner's label; false (and nothing changed) for one of another owner. */
    private boolean relabel(IdType id, Owner from, Owner to, RequestDetails request) {
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
        if (!owner.orElse(Owner.TRIAL_WIDE).equals(from)) {
            return false;
        }
        owner.ifPresent(old -> dao.metaDeleteOperation(id.toUnqualifiedVersionless(), metaOf(old), system));
        dao.metaAddOperation(id.toUnqualifiedVersionless(), metaOf(to), system);
        stored.setId(id.toUnqualifiedVersionless());
        storedOwners.remember(stored, to, request);
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
