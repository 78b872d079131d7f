package org.isotox.simon.fhir;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.Duration;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.ResearchStudy;
import org.isotox.dose.domain.CourseEndRule;
import org.isotox.fhir.Canonicals;
import org.isotox.simon.domain.SevereToxicityCounting;
import org.isotox.simon.domain.SimonDesign;
import org.isotox.simon.domain.StudyProtocol;
import org.isotox.toxicity.domain.SevereToxicityCriterion;
import org.isotox.toxicity.domain.SevereToxicityRule;
import org.isotox.toxicity.domain.ToxicityRecord;
import org.springframework.stereotype.Component;

/**
 * Reads the enrolment and stopping rules of a trial from its ResearchStudy (the Simon design and
 * severe-toxicity extensions), once per study version.
 */
@Component
public class StudyProtocolReader {

    static final String SIMON_DESIGN = Canonicals.structureDefinition("simon-two-stage-design");
    static final String SEVERE_TOXICITY = Canonicals.structureDefinition("severe-toxicity-criterion");

    private final Map<String, StudyProtocol> byStudyVersion = new ConcurrentHashMap<>();

    /** The study's protocol, or empty when the study is not an isotoxic trial (no Simon design). */
    public Optional<StudyProtocol> read(ResearchStudy study) {
        if (!study.hasExtension(SIMON_DESIGN)) {
            return Optional.empty();
        }
        String key = study.getIdElement().getIdPart() + "/" + study.getMeta().getVersionId();
        return Optional.of(byStudyVersion.computeIfAbsent(key, k -> parse(study)));
    }

    private static StudyProtocol parse(ResearchStudy study) {
        Extension simon = study.getExtensionByUrl(SIMON_DESIGN);
        int n1 = integer(simon, "stage1SampleSize");
        int n = integer(simon, "totalSampleSize");
        SimonDesign design = new SimonDesign(
                n1 - integer(simon, "stage1StoppingBoundary"), n1, n - integer(simon, "finalBoundary") - 1, n);
        StudyProtocol.DesignAssumptions assumptions = new StudyProtocol.DesignAssumptions(
                decimal(simon, "p0"), decimal(simon, "p1"), decimal(simon, "alpha"), decimal(simon, "power"));
        List<SevereToxicityCriterion> criteria = study.getExtensionsByUrl(SEVERE_TOXICITY).stream()
                .map(StudyProtocolReader::criterion)
                .toList();
        Extension attribution = simon.getExtensionByUrl("interruptionAttributionWindow");
        Extension courseStop = simon.getExtensionByUrl("courseStoppedWithoutFractionAfter");
        Extension counting = simon.getExtensionByUrl("severeToxicityCounting");
        return new StudyProtocol(design, assumptions, days(part(simon, "evaluationWindow")), new SevereToxicityRule(criteria),
                counting == null ? SevereToxicityCounting.PER_PATIENT : SevereToxicityCounting.fromCode(counting.getValue().primitiveValue()),
                attribution == null ? 0 : days(attribution),
                courseStop == null ? CourseEndRule.WHEN_THE_SITE_SAYS : CourseEndRule.afterDaysWithoutFraction(days(courseStop)));
    }

    private static SevereToxicityCriterion criterion(Extension extension) {
        Coding term = ((CodeableConcept) part(extension, "term").getValue()).getCodingFirstRep();
        Extension interruption = extension.getExtensionByUrl("minimumRadiotherapyInterruption");
        return new SevereToxicityCriterion(
                new ToxicityRecord.Term(term.getSystem(), term.getCode()),
                ((IntegerType) part(extension, "minimumGrade").getValue()).getValue(),
                interruption == null ? OptionalInt.empty() : OptionalInt.of(minimumDays(interruption)));
    }

    /**
     * The shortest interruption, in days between the fractions around it, that a duration states:
     * "7 days or more" is {@code >= 7 d} (or no comparator), "more than 1 week" is {@code > 1 wk}, 8 days.
     */
    private static int minimumDays(Extension durationPart) {
        Duration duration = (Duration) durationPart.getValue();
        return switch (duration.hasComparator() ? duration.getComparator().toCode() : ">=") {
            case ">=" -> days(durationPart);
            case ">" -> days(durationPart) + 1;
            default -> throw new IllegalStateException(
                    "A minimum interruption is stated with >= or >, not " + duration.getComparator().toCode());
        };
    }

    private static int days(Extension durationPart) {
        Duration duration = (Duration) durationPart.getValue();
        int value = duration.getValue().intValueExact();
        return switch (duration.getCode()) {
            case "d" -> value;
            case "wk" -> 7 * value;
            default -> throw new IllegalStateException(
                    "Durations of the study definition are in days (d) or weeks (wk), not " + duration.getCode());
        };
    }

    private static int integer(Extension extension, String name) {
        return Integer.parseInt(part(extension, name).getValue().primitiveValue());
    }

    private static double decimal(Extension extension, String name) {
        return ((DecimalType) part(extension, name).getValue()).getValue().doubleValue();
    }

    private static Extension part(Extension extension, String name) {
        Extension part = extension.getExtensionByUrl(name);
        if (part == null) {
            throw new IllegalStateException("The study definition lacks " + extension.getUrl() + "#" + name);
        }
        return part;
    }
}
