package org.isotox.validation.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.hl7.fhir.r4.model.StructureDefinition.StructureDefinitionKind;
import org.isotox.fhir.Canonicals;
import org.isotox.fhir.DefinitionFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 24: the "Profiles" table of {@code fhir-profiles/README.md} says what each trial profile aligns with,
 * and the profiles say it too. A canonical URL in backquotes in "aligns with" is the profile's
 * {@code baseDefinition}; "no counterpart" or "not derived" means the core resource is its base; "base" is its type.
 */
class AlignmentTableTest {

    private static final Path README = Path.of("fhir-profiles", "README.md");
    private static final String CORE = "http://hl7.org/fhir/StructureDefinition/";
    private static final Pattern ROW = Pattern.compile("^\\| `([a-z0-9-]+)` \\| ([A-Za-z]+) \\|[^|]*\\| ([^|]*) \\|");
    private static final Pattern CANONICAL = Pattern.compile("^`(https?://[^`]+)`");

    private static Map<String, Row> table;
    private static Map<String, StructureDefinition> profiles;

    record Row(String profile, String type, String alignsWith) {}

    @BeforeAll
    static void read() throws IOException {
        table = new LinkedHashMap<>();
        String profilesSection = Files.readString(README).split("\n## Profiles\n", 2)[1].split("\n## ", 2)[0];
        for (String line : profilesSection.lines().toList()) {
            Matcher row = ROW.matcher(line);
            if (row.find()) {
                table.put(row.group(1), new Row(row.group(1), row.group(2), row.group(3).trim()));
            }
        }
        profiles = new LinkedHashMap<>();
        new DefinitionFiles(FhirContext.forR4Cached()).profiles().stream()
                .filter(StructureDefinition.class::isInstance)
                .map(StructureDefinition.class::cast)
                .filter(sd -> sd.getKind() == StructureDefinitionKind.RESOURCE)
                .filter(sd -> sd.getUrl().startsWith(Canonicals.BASE + "/"))
                .forEach(sd -> profiles.put(sd.getIdElement().getIdPart(), sd));
    }

    @Test
    void everyTrialProfileHasARowAndEveryRowAProfile() {
        assertThat(table.keySet()).containsExactlyInAnyOrderElementsOf(profiles.keySet());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void theRowSaysWhatTheProfileDerivesFrom(String profile) {
        Row row = table.get(profile);
        StructureDefinition definition = profiles.get(profile);
        assertThat(definition).as("a StructureDefinition %s", profile).isNotNull();

        assertThat(definition.getType()).as("base").isEqualTo(row.type());
        Matcher canonical = CANONICAL.matcher(row.alignsWith());
        if (canonical.find()) {
            assertThat(definition.getBaseDefinition()).isEqualTo(canonical.group(1));
        } else {
            assertThat(row.alignsWith()).as("aligns with").matches("(no counterpart|not derived).*");
            assertThat(definition.getBaseDefinition()).isEqualTo(CORE + definition.getType());
        }
    }

    static List<String> rows() throws IOException {
        read();
        return List.copyOf(table.keySet());
    }
}
