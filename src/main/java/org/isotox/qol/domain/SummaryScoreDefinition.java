package org.isotox.qol.domain;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * A summary score: the mean of component scale scores, functional scales as they are and
 * symptom scales as (100 - score), as in the QLQ-C30 summary score (Giesinger et al.,
 * J Clin Epidemiol 2016;69:79-88).
 *
 * @param code         the summary score's code, e.g. SUM
 * @param components   codes of the component scales (functional or symptom scales of the same
 *                     instrument), without repeats
 * @param completeness when enough component scores are available to compute the summary
 */
public record SummaryScoreDefinition(String code, List<String> components, CompletenessRule completeness) {

    public SummaryScoreDefinition {
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("summary score code must not be blank, was '" + code + "'");
        }
        Objects.requireNonNull(completeness, "completeness rule of summary " + code);
        if (components == null || components.isEmpty()) {
            throw new IllegalArgumentException("summary " + code + " must have at least one component scale");
        }
        components = List.copyOf(components);
        if (new HashSet<>(components).size() != components.size()) {
            throw new IllegalArgumentException("summary " + code + " lists a component twice: " + components);
        }
    }
}
