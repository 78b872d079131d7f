package org.isotox.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The trial definition files shipped with the server ({@code fhir-profiles/}, {@code terminology/},
 * {@code studies/} of the repository, on the classpath under {@code isotox/}). Parsed once, strictly:
 * a mistake in a definition file stops the start-up instead of weakening a rule.
 */
@Component
public class DefinitionFiles {

    private final List<Resource> profiles;
    private final List<Resource> terminology;
    private final List<Bundle> studies;

    public DefinitionFiles(FhirContext fhirContext) {
        IParser parser = fhirContext.newJsonParser().setParserErrorHandler(new StrictErrorHandler());
        this.profiles = read(parser, "fhir-profiles", Resource.class);
        this.terminology = read(parser, "terminology", Resource.class);
        this.studies = read(parser, "studies", Bundle.class);
    }

    /** StructureDefinitions and other conformance resources of {@code fhir-profiles/}. */
    public List<Resource> profiles() {
        return profiles;
    }

    /** CodeSystems, ValueSets and ConceptMaps of {@code terminology/}. */
    public List<Resource> terminology() {
        return terminology;
    }

    /** The study definition transaction bundles of {@code studies/}. */
    public List<Bundle> studies() {
        return studies;
    }

    private static <T extends Resource> List<T> read(IParser parser, String folder, Class<T> type) {
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        List<T> resources = new ArrayList<>();
        try {
            org.springframework.core.io.Resource[] files =
                    resolver.getResources("classpath*:isotox/" + folder + "/**/*.json");
            java.util.Arrays.sort(files, Comparator.comparing(org.springframework.core.io.Resource::getDescription));
            for (org.springframework.core.io.Resource file : files) {
                try (InputStream in = file.getInputStream()) {
                    resources.add(type.cast(parser.parseResource(in)));
                } catch (RuntimeException e) {
                    throw new IllegalStateException("Invalid definition file " + file.getDescription(), e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the " + folder + " definitions", e);
        }
        return List.copyOf(resources);
    }
}
