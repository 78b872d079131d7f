package org.isotox.fhir;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;

/**
 * The request under which the server stores what it derives itself (scale scores, RECIST
 * time-point responses, course summaries). Such a record is built by tested code from input that
 * was validated on its way in, so it is not validated against the trial profiles a second time:
 * the benchmark measured that validation of derived records cost more than all trial rules together.
 */
public final class DerivedWrites {

    private static final String FLAG = DerivedWrites.class.getName();

    private DerivedWrites() {}

    public static SystemRequestDetails request() {
        SystemRequestDetails request = new SystemRequestDetails();
        request.getUserData().put(FLAG, Boolean.TRUE);
        return request;
    }

    public static boolean isDerived(RequestDetails request) {
        return request != null && Boolean.TRUE.equals(request.getUserData().get(FLAG));
    }
}
