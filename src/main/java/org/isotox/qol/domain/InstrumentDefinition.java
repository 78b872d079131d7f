package org.isotox.qol.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A questionnaire's structure as data: its items with their answer ranges, its scales and its
 * summary scores. Holds no item wording.
 *
 * @param id        instrument id, e.g. {@code eortc-qlq-c30}; the tail of the Questionnaire canonical
 * @param items     the items, in ascending item-number order
 * @param scales    the scales, in reporting order
 * @param summaries summary scores over this instrument's scales, in reporting order
 */
public record InstrumentDefinition(String id, List<ItemDefinition> items, List<ScaleDefinition> scales,
                                   List<SummaryScoreDefinition> summaries) {

    public InstrumentDefinition {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("instrument id must not be blank, was '" + id + "'");
        }
        Objects.requireNonNull(items, "items of " + id);
        Objects.requireNonNull(scales, "scales of " + id);
        Objects.requireNonNull(summaries, "summaries of " + id);
        if (items.isEmpty()) {
            throw new IllegalArgumentException("instrument " + id + " must have at least one item");
        }
        items = items.stream().sorted(Comparator.comparingInt(ItemDefinition::number)).toList();
        scales = List.copyOf(scales);
        summaries = List.copyOf(summaries);
        requireDistinctItemNumbers(id, items);
        requireScalesOverKnownItemsOfOneRange(id, items, scales);
        requireDistinctCodes(id, scales, summaries);
        requireSummariesOverFunctionalOrSymptomScales(id, scales, summaries);
    }

    public Optional<ItemDefinition> item(int number) {
        return items.stream().filter(item -> item.number() == number).findFirst();
    }

    public Optional<ScaleDefinition> scale(String code) {
        return scales.stream().filter(scale -> scale.code().equals(code)).findFirst();
    }

    /** Every code a score of this instrument may be reported under: scales, their stand-in items, summaries. */
    public List<String> codes() {
        return codesOf(scales, summaries);
    }

    /** The answer range shared by all items of the given scale of this instrument. */
    public AnswerRange answerRangeOf(ScaleDefinition scale) {
        int first = scale.items().get(0);
        return item(first)
                .orElseThrow(() -> new IllegalArgumentException(
                        "scale " + scale.code() + " is not a scale of " + id))
                .answers();
    }

    /** Items that belong to no scale (collected but not scored, e.g. QLQ-LC13 item 13). */
    public List<ItemDefinition> unscoredItems() {
        Set<Integer> scored = scales.stream()
                .flatMap(scale -> scale.items().stream())
                .collect(Collectors.toSet());
        return items.stream().filter(item -> !scored.contains(item.number())).toList();
    }

    private static void requireDistinctItemNumbers(String id, List<ItemDefinition> items) {
        Set<Integer> seen = new HashSet<>();
        for (ItemDefinition item : items) {
            if (!seen.add(item.number())) {
                throw new IllegalArgumentException("instrument " + id + " defines item " + item.number() + " twice");
            }
        }
    }

    // The manual's transformation uses one item range per scale, so all items of a scale must share it.
    private static void requireScalesOverKnownItemsOfOneRange(String id, List<ItemDefinition> items,
                                                             List<ScaleDefinition> scales) {
        for (ScaleDefinition scale : scales) {
            AnswerRange shared = null;
            for (int number : scale.items()) {
                AnswerRange range = items.stream()
                        .filter(item -> item.number() == number)
                        .map(ItemDefinition::answers)
                        .findFirst()
                        .orElseThrow(() -> new IllegalArgumentException(
                                "scale " + scale.code() + " of " + id + " refers to unknown item " + number));
                if (shared != null && !shared.equals(range)) {
                    throw new IllegalArgumentException("scale " + scale.code() + " of " + id
                            + " mixes answer ranges " + shared + " and " + range + " (item " + number + ")");
                }
                shared = range;
            }
        }
    }

    private static void requireDistinctCodes(String id, List<ScaleDefinition> scales,
                                             List<SummaryScoreDefinition> summaries) {
        Set<String> seen = new HashSet<>();
        for (String code : codesOf(scales, summaries)) {
            if (!seen.add(code)) {
                throw new IllegalArgumentException("instrument " + id + " defines code " + code + " twice");
            }
        }
    }

    private static List<String> codesOf(List<ScaleDefinition> scales, List<SummaryScoreDefinition> summaries) {
        List<String> codes = new ArrayList<>();
        for (ScaleDefinition scale : scales) {
            codes.add(scale.code());
            scale.standIns().forEach(standIn -> codes.add(standIn.code()));
        }
        summaries.forEach(summary -> codes.add(summary.code()));
        return codes;
    }

    // A component's direction in the summary follows from its kind; global health status has none defined.
    private static void requireSummariesOverFunctionalOrSymptomScales(String id, List<ScaleDefinition> scales,
                                                                     List<SummaryScoreDefinition> summaries) {
        for (SummaryScoreDefinition summary : summaries) {
            for (String component : summary.components()) {
                ScaleDefinition scale = scales.stream()
                        .filter(candidate -> candidate.code().equals(component))
                        .findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("summary " + summary.code() + " of " + id
                                + " refers to unknown scale " + component));
                if (scale.kind() == ScaleKind.GLOBAL_HEALTH_STATUS) {
                    throw new IllegalArgumentException("summary " + summary.code() + " of " + id
                            + " cannot include global health status scale " + component);
                }
            }
        }
    }
}
