package org.isotox.security.fhir;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IIdType;
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

    private final DaoRegistry daoRegistry;

    StoredOwners(DaoRegistry daoRegistry) {
        this.daoRegistry = daoRegistry;
    }

    /** The owner of the resource {@code id} names (type and id, any version); empty when it does not exist or has no label. */
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

    private Optional<Owner> lookUp(IIdType id) {
        if (!daoRegistry.isResourceTypeSupported(id.getResourceType())) {
            return Optional.empty();
        }
        try {
            IBaseResource stored = daoRegistry.getResourceDao(id.getResourceType())
                    .read(id.toUnqualifiedVersionless(), new SystemRequestDetails());
            return OwnershipLabels.of(stored);
        } catch (ResourceNotFoundException | ResourceGoneException absent) {
            return Optional.empty();
        }
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
