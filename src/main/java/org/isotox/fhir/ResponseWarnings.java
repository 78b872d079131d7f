package org.isotox.fhir;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import java.util.ArrayList;
import java.util.List;

/**
 * Warnings a write hook wants the client to see although the write succeeds (an under-dosed
 * prescription, say): kept with the request until its response goes out.
 */
public final class ResponseWarnings {

    private static final String KEY = ResponseWarnings.class.getName();

    private ResponseWarnings() {}

    public static void add(RequestDetails request, String warning) {
        if (request != null) {
            of(request).add(warning);
        }
    }

    @SuppressWarnings("unchecked")
    public static List<String> of(RequestDetails request) {
        return (List<String>) request.getUserData().computeIfAbsent(KEY, k -> new ArrayList<String>());
    }
}
