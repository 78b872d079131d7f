package org.isotox.security.fhir;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;

/**
 * The server's own relabelling of stored resources (the start-up backfill, a patient's placement at a
 * site): the label it writes is the decision already taken, so the storage hook lets it through.
 */
final class Relabelling {

    private static final String KEY = Relabelling.class.getName();

    private Relabelling() {}

    static SystemRequestDetails request() {
        SystemRequestDetails request = new SystemRequestDetails();
        request.getUserData().put(KEY, Boolean.TRUE);
        return request;
    }

    static boolean isRelabelling(RequestDetails request) {
        return request != null && Boolean.TRUE.equals(request.getUserData().get(KEY));
    }
}
