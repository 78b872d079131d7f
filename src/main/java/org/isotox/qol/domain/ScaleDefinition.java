package org.isotox.qol.domain;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * A scale (or single-item measure) of an instrument, by its scoring-manual code.
 *
 * @param code         the manual's code, e.g. PF2, QL2, LCDY
 * @param kind         how the raw score is transformed
 * @param items        the item numbers that make up the scale, without repeats
 * @param completeness when enough items are answered to score the scale
 * @param whenUnscored what is reported in the scale's place when it cannot be scored
 */
public record ScaleDefinition(String code, ScaleKind kind, List<Integer> items, CompletenessRule completeness,
                              WhenUnscored whenUnscored) {

    public ScaleDefinition {
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("scale code must not be blank, was '" + code + "'");
        }
        Objects.requireNonNull(kind, "kind of scale " + code);
        Objects.requireNonNull(completeness, "completeness rule of scale " + code);
        Objects.requireNonNull(whenUnscored, "what scale " + code + " reports when unscored");
        if (items == null || items.isEmpty()) {
            throw new IllegalArgumentException("scale " + code + " must have at least one item");
        }
        items = List.copyOf(items);
        if (new HashSet<>(items).size() != items.size()) {
            throw new IllegalArgumentException("scale " + code + " lists an item twice: " + items);
        }
    }

    /** A scale that reports nothing in its place when it cannot be scored. */
    public ScaleDefinition(String code, ScaleKind kind, List<Integer> items, CompletenessRule completeness) {
        this(code, kind, items, completeness, WhenUnscored.REPORT_NOTHING);
    }

    /** A scale scored when at least half of its items are answered, the manual's default. */
    public static ScaleDefinition of(String code, ScaleKind kind, Integer... items) {
        return new ScaleDefinition(code, kind, List.of(items), CompletenessRule.AT_LEAST_HALF);
    }

    /** The items that may be reported in this scale's place, answered or not; none for most scales. */
    public List<StandInItem> standIns() {
        if (whenUnscored == WhenUnscored.REPORT_NOTHING) {
            return List.of();
        }
        return items.stream().map(item -> new StandInItem(code, item)).toList();
    }
}
