package org.isotox.security.fhir;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.PersistenceContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.Basic;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Resource;
import org.isotox.security.domain.Owner;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The owners of stored resources, as their current version's label says, remembered for the rest of
 * the transaction or request (also those written earlier in the same transaction, not yet visible to
 * queries). A rolled-back transaction takes what it learnt with it.
 */
@Component
class StoredOwners {

    private static final String KEY = StoredOwners.class.getName();
    /** HAPI's TagTypeEnum.SECURITY_LABEL, as stored in HFJ_TAG_DEF.TAG_TYPE. */
    private static final String LABELS = """
            select r.res_id, d.tag_system, d.tag_code from hfj_resource r
            left join hfj_res_tag t on t.res_id = r.res_id
              and t.tag_id in (select d2.tag_id from hfj_tag_def d2 where d2.tag_type = 2 and d2.tag_system in (?1, ?2))
            left join hfj_tag_def d on d.tag_id = t.tag_id
            where r.res_type = ?3 and r.fhir_id = ?4 and r.res_deleted_at is null
            """;
    /**
     * A stored resource without an ownership label (the audit trail; anything the backfill has not reached):
     * only the trial-wide roles see it.
     */
    private static final Owner UNLABELLED = Owner.TRIAL_WIDE;

    private final DaoRegistry daoRegistry;

    @PersistenceContext
    private EntityManager entityManager;

    StoredOwners(DaoRegistry daoRegistry) {
        this.daoRegistry = daoRegistry;
    }

    /**
     * The owner of the resource {@code id} names (type and id, any version): its label, trial-wide when it has
     * none; empty when it does not exist (or is deleted).
     */
    Optional<Owner> of(IIdType id, RequestDetails request) {
        String key = key(id);
        Map<String, Optional<Owner>> known = known(request);
        Optional<Owner> owner = known.get(key);
        if (owner == null) {
            owner = lookUp(id);
            known.put(key, owner);
        }
        return owner;
    }

    /** Remembers the owner just stamped on a resource written in this request. */
    void remember(IBaseResource resource, Owner owner, RequestDetails request) {
        if (resource.getIdElement().hasIdPart()) {
            known(request).put(key(resource.getIdElement()), Optional.of(owner));
        }
    }

    /**
     * The current version's ownership labels, read from HAPI's tag tables in the running transaction
     * without flushing it (what this transaction wrote is known already): a lookup per referenced resource
     * and write, so no resource is loaded and parsed for it.
     */
    private Optional<Owner> lookUp(IIdType id) {
        if (!daoRegistry.isResourceTypeSupported(id.getResourceType())) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery(LABELS)
                .setParameter(1, OwnershipLabels.SITE_SYSTEM)
                .setParameter(2, OwnershipLabels.OWNERSHIP_SYSTEM)
                .setParameter(3, id.getResourceType())
                .setParameter(4, id.getIdPart())
                .setFlushMode(FlushModeType.COMMIT)
                .getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Resource labelled = new Basic();
        rows.stream().filter(row -> row[1] != null)
                .forEach(row -> labelled.getMeta().addSecurity(new Coding((String) row[1], (String) row[2], null)));
        return OwnershipLabels.of(labelled).or(() -> Optional.of(UNLABELLED));
    }

    private static String key(IIdType id) {
        return id.getResourceType() + "/" + id.getIdPart();
    }

    /**
     * What this transaction has learnt (the server's derived writes each come with a request of their own,
     * but share the client's transaction), else what this request has.
     */
    @SuppressWarnings("unchecked")
    private static Map<String, Optional<Owner>> known(RequestDetails request) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            Map<String, Optional<Owner>> ofTransaction = (Map<String, Optional<Owner>>) TransactionSynchronizationManager.getResource(KEY);
            if (ofTransaction == null) {
                Map<String, Optional<Owner>> fresh = new HashMap<>();
                TransactionSynchronizationManager.bindResource(KEY, fresh);
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCompletion(int status) {
                        TransactionSynchronizationManager.unbindResourceIfPossible(KEY);
                    }
                });
                ofTransaction = fresh;
            }
            return ofTransaction;
        }
        if (request == null) {
            return new HashMap<>();
        }
        return (Map<String, Optional<Owner>>) request.getUserData().computeIfAbsent(KEY, k -> new HashMap<>());
    }
}
