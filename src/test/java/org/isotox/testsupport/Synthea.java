package org.isotox.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hl7.fhir.r4.model.Bundle;

/** The Synthea R4 patient bundles of {@code src/test/resources/synthea} (public sample data, see its README). */
public final class Synthea {

    private Synthea() {}

    /** The bundle's JSON exactly as generated. */
    public static String json(String file) {
        try {
            return Files.readString(Path.of("src/test/resources/synthea", file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Bundle parsed(String json) {
        return Fhir.R4.newJsonParser().parseResource(Bundle.class, json);
    }
}
