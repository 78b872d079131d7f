package org.isotox.fhir;

import ca.uhn.fhir.rest.api.InterceptorInvocationTimingEnum;
import ca.uhn.fhir.rest.api.server.storage.TransactionDetails;
import java.util.HashSet;
import java.util.Set;

/**
 * Work that a FHIR transaction needs once per patient (or other key), however many of its entries
 * ask for it. HAPI defers a transaction's commit hooks until all of its entries are written and
 * flushed, so the first deferred call already sees them all and the later ones would redo it.
 * Outside that deferred phase (a single write, or a write a hook makes) every call counts.
 */
public final class DeferredOnce {

    private DeferredOnce() {}

    /** Whether {@code work} for {@code key} is still to be done in this transaction. */
    public static boolean first(String work, String key, TransactionDetails transaction, InterceptorInvocationTimingEnum timing) {
        if (timing != InterceptorInvocationTimingEnum.DEFERRED) {
            return true;
        }
        Set<String> done = transaction.getOrCreateUserData(DeferredOnce.class.getName() + "." + work, HashSet::new);
        return done.add(key);
    }
}
