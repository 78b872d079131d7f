package org.isotox.toxicity.fhir;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.CodeSystem.ConceptDefinitionComponent;
import org.hl7.fhir.r4.model.CodeSystem.ConceptPropertyComponent;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Resource;
import org.isotox.fhir.Canonicals;
import org.isotox.server.DefinitionFiles;
import org.springframework.stereotype.Component;

/**
 * The numeric CTCAE grade of a grade code, read from the shipped NCIt fragment (its
 * {@code ctcae-grade} property), so that grades are data like every other trial code.
 */
@Component
public class CtcaeGrades {

    private static final String GRADE_PROPERTY = "ctcae-grade";

    private final Map<String, Integer> gradeByCode = new HashMap<>();

    CtcaeGrades(DefinitionFiles files) {
        for (Resource resource : files.terminology()) {
            if (resource instanceof CodeSystem codeSystem && Canonicals.NCIT.equals(codeSystem.getUrl())) {
                codeSystem.getConcept().forEach(this::index);
            }
        }
        if (gradeByCode.isEmpty()) {
            throw new IllegalStateException("No CTCAE grade codes (property " + GRADE_PROPERTY + ") in the terminology");
        }
    }

    /** The grade (0-5) a coding stands for, if it is a CTCAE grade code. */
    public OptionalInt gradeOf(Coding coding) {
        if (!Canonicals.NCIT.equals(coding.getSystem())) {
            return OptionalInt.empty();
        }
        Integer grade = gradeByCode.get(coding.getCode());
        return grade == null ? OptionalInt.empty() : OptionalInt.of(grade);
    }

    /** The codes of the grades at or above {@code lowest}. */
    public List<String> codesFrom(int lowest) {
        return gradeByCode.entrySet().stream()
                .filter(e -> e.getValue() >= lowest)
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
    }

    private void index(ConceptDefinitionComponent concept) {
        for (ConceptPropertyComponent property : concept.getProperty()) {
            if (GRADE_PROPERTY.equals(property.getCode()) && property.getValue() instanceof IntegerType grade) {
                gradeByCode.put(concept.getCode(), grade.getValue());
            }
        }
        concept.getConcept().forEach(this::index);
    }
}
