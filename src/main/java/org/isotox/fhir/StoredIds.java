package org.isotox.fhir;

import ca.uhn.fhir.interceptor.model.RequestPartitionId;
import ca.uhn.fhir.jpa.api.svc.IIdHelperService;
import ca.uhn.fhir.jpa.api.svc.ResolveIdentityMode;
import ca.uhn.fhir.jpa.model.cross.IResourceLookup;
import ca.uhn.fhir.jpa.model.dao.JpaPid;
import ca.uhn.fhir.rest.api.server.storage.TransactionDetails;
import java.util.Collection;
import java.util.Map;
import org.hl7.fhir.instance.model.api.IIdType;
import org.springframework.stereotype.Component;

/**
 * Looks up, in one query, which of the resource ids the server is about to write are stored (deleted
 * ones included), as HAPI does for the entries of a transaction: written with the answer in hand,
 * an update by id needs no query of its own to tell an update from a create, and the writes that
 * follow are not interrupted by queries that flush them one by one.
 */
@Component
public class StoredIds {

    private final IIdHelperService<JpaPid> idHelper;

    StoredIds(IIdHelperService<JpaPid> idHelper) {
        this.idHelper = idHelper;
    }

    /** Records in {@code writes} the storage id of each of {@code ids}, or that it has none. */
    public void resolve(Collection<IIdType> ids, TransactionDetails writes) {
        if (ids.isEmpty()) {
            return;
        }
        Map<IIdType, IResourceLookup<JpaPid>> stored = idHelper.resolveResourceIdentities(
                RequestPartitionId.allPartitions(), ids, ResolveIdentityMode.includeDeleted().cacheOk());
        for (IIdType id : ids) {
            IIdType versionless = id.toUnqualifiedVersionless();
            IResourceLookup<JpaPid> lookup = stored.get(versionless);
            writes.addResolvedResourceId(versionless, lookup == null ? null : lookup.getPersistentId());
        }
    }
}
