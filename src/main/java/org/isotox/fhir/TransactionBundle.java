package org.isotox.fhir;

import ca.uhn.fhir.rest.api.server.storage.TransactionDetails;

/**
 * Where a write stands in a FHIR transaction bundle (see WRITE-PATH.md, section 4a).
 */
public final class TransactionBundle {

    private TransactionBundle() {}

    /**
     * Whether the write is an entry of a transaction bundle whose entries are still being written: a search now sees
     * none of the bundle's other entries, and the entry's commit hooks are deferred until all of them are written.
     */
    public static boolean entriesBeingWritten(TransactionDetails transaction) {
        return transaction != null && transaction.isAcceptingDeferredInterceptorBroadcasts();
    }
}
