package org.isotox.fhir;

import ca.uhn.fhir.rest.api.server.IBundleProvider;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * Every resource of a search or history result, read page by page: {@code getAllResources()} trusts
 * {@code size()}, which a caller's asynchronous search leaves unknown and an instance history can state
 * too low (1 for seven versions), and then answers a part or refuses.
 */
public final class BundlePages {

    private static final int PAGE = 500;

    private BundlePages() {}

    public static List<IBaseResource> all(IBundleProvider result) {
        List<IBaseResource> all = new ArrayList<>();
        for (int from = 0; ; from += PAGE) {
            List<IBaseResource> page = result.getResources(from, from + PAGE);
            all.addAll(page);
            if (page.size() < PAGE) {
                return all;
            }
        }
    }
}
