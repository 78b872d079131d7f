package org.isotox.testsupport;

import java.io.IOException;
import java.io.InputStream;
import org.hl7.fhir.instance.model.api.IBaseResource;

/** The implementation guides' own examples under {@code src/test/resources/ig-examples/} (sources and licences in its README). */
public final class IgExamples {

    private IgExamples() {}

    /** The example at {@code path} (relative to ig-examples/), without its id, ready to be posted. */
    public static <T extends IBaseResource> T load(String path, Class<T> type) {
        try (InputStream in = IgExamples.class.getResourceAsStream("/ig-examples/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("No IG example " + path);
            }
            T example = Fhir.R4.newJsonParser().parseResource(type, in);
            example.setId((String) null);
            example.getMeta().setVersionId(null).setLastUpdated(null);
            return example;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
