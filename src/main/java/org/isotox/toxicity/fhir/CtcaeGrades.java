package org.isotox.toxicity.fhir;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.CodeSystem.ConceptDefinitionComponent;
import org.hl7.fhir.r4.model.CodeSystem.ConceptPropertyComponent;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Resource;
import org.isotox.fhir.Canonicals;
import org.isotox.fhir.DefinitionFiles;
import org.springframework.stereotype.Component;

/**
 * The numeric CTCAE grade of a grade code, and the grades CTCAE defines for a term, read from the
 * shipped NCIt fragment (its {@code ctcae-grade}, {@code ctcae-min-grade} and {@code ctcae-max-grade}
 * properties), so that grades are data like every other trial code.
 */
@Component
public class CtcaeGrades {

    private static final String GRADE_PROPERTY = "ctcae-grade";
    private static final String MIN_GRADE_PROPERTY = "ctcae-min-grade";
    private static final String MAX_GRADE_PROPERTY = "ctcae-max-grade";
    private static final String ORGAN_SYSTEM_PROPERTY = "ctcae-soc";

    /** The grades CTCAE defines for a term (grade 0, the term assessed and absent, aside). */
    public record GradeRange(String term, int min, int max) {
        public boolean contains(int grade) {
            return grade >= min && grade <= max;
        }
    }

    private final Map<String, Integer> gradeByCode = new HashMap<>();
    private final Map<String, GradeRange> rangeByTerm = new HashMap<>();
    private final Map<String, String> organSystemByTerm = new HashMap<>();

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

    /** The grade the first grade coding of a value stands for, if it has one. */
    public OptionalInt gradeIn(CodeableConcept value) {
        return value.getCoding().stream()
                .map(this::gradeOf)
                .filter(OptionalInt::isPresent)
                .findFirst()
                .orElse(OptionalInt.empty());
    }

    /** The grades CTCAE defines for the term a coding names, if it is a CTCAE term of the terminology. */
    public Optional<GradeRange> rangeOf(Coding term) {
        if (!Canonicals.NCIT.equals(term.getSystem())) {
            return Optional.empty();
        }
        return Optional.ofNullable(rangeByTerm.get(term.getCode()));
    }

    /** The CTCAE system organ class of a term code ({@code Gastrointestinal disorders}), if the terminology has it. */
    public Optional<String> organSystemOf(String termCode) {
        return Optional.ofNullable(organSystemByTerm.get(termCode));
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
        integerProperty(concept, GRADE_PROPERTY).ifPresent(grade -> gradeByCode.put(concept.getCode(), grade));
        Optional<Integer> min = integerProperty(concept, MIN_GRADE_PROPERTY);
        Optional<Integer> max = integerProperty(concept, MAX_GRADE_PROPERTY);
        concept.getProperty().stream()
                .filter(p -> ORGAN_SYSTEM_PROPERTY.equals(p.getCode()) && p.hasValueStringType())
                .findFirst()
                .ifPresent(p -> organSystemByTerm.put(concept.getCode(), p.getValueStringType().getValue()));
        if (min.isPresent() && max.isPresent()) {
            rangeByTerm.put(concept.getCode(), new GradeRange(concept.getDisplay(), min.get(), max.get()));
        }
        concept.getConcept().forEach(this::index);
    }

    private static Optional<Integer> integerProperty(ConceptDefinitionComponent concept, String code) {
        for (ConceptPropertyComponent property : concept.getProperty()) {
            if (code.equals(property.getCode()) && property.getValue() instanceof IntegerType value) {
                return Optional.of(value.getValue());
            }
        }
        return Optional.empty();
    }
}
