package org.isotox.qol.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Scores responses to one or more EORTC instruments given as data (EORTC QLQ-C30 Scoring Manual,
 * 3rd ed.; QLQ-C30 summary score per Giesinger et al. 2016).
 *
 * <p>A response is validated first; any unknown item, out-of-range answer or repeated item
 * rejects the whole response. Otherwise every scale (and summary score) of each scored
 * instrument is reported, with an empty value where too few items were answered; a scale that
 * reports its answered items when unscored ({@link WhenUnscored}) is followed by their scores.
 */
public final class EortcScorer {

    private record LocatedItem(InstrumentDefinition instrument, ItemDefinition item) {
    }

    private final List<InstrumentDefinition> instruments;
    private final Map<String, LocatedItem> itemsByLinkId;

    /**
     * @param instruments the instruments this scorer knows; ids, item numbers and scale codes must
     *                    be unique across them so that a response and its scores are unambiguous
     */
    public EortcScorer(List<InstrumentDefinition> instruments) {
        Objects.requireNonNull(instruments, "instruments");
        if (instruments.isEmpty()) {
            throw new IllegalArgumentException("a scorer needs at least one instrument");
        }
        this.instruments = List.copyOf(instruments);
        Map<String, LocatedItem> items = new HashMap<>();
        Set<String> ids = new HashSet<>();
        Map<String, String> instrumentByCode = new HashMap<>();
        for (InstrumentDefinition instrument : this.instruments) {
            if (!ids.add(instrument.id())) {
                throw new IllegalArgumentException("instrument " + instrument.id() + " is given twice");
            }
            for (ItemDefinition item : instrument.items()) {
                LocatedItem earlier = items.putIfAbsent(item.linkId(), new LocatedItem(instrument, item));
                if (earlier != null) {
                    throw new IllegalArgumentException("item " + item.number() + " belongs to both "
                            + earlier.instrument().id() + " and " + instrument.id());
                }
            }
            for (String code : instrument.codes()) {
                String earlier = instrumentByCode.putIfAbsent(code, instrument.id());
                if (earlier != null) {
                    throw new IllegalArgumentException("scale code " + code + " is used by both "
                            + earlier + " and " + instrument.id());
                }
            }
        }
        this.itemsByLinkId = Map.copyOf(items);
    }

    /** A scorer for the QLQ-C30 and the QLQ-LC13 with the combined item numbering 1-43. */
    public static EortcScorer forQlqC30AndLc13() {
        return new EortcScorer(EortcInstruments.all());
    }

    public List<InstrumentDefinition> instruments() {
        return instruments;
    }

    public Optional<InstrumentDefinition> instrument(String id) {
        return instruments.stream().filter(instrument -> instrument.id().equals(id)).findFirst();
    }

    /**
     * Scores a response, scoring each instrument of which at least one item is answered (only the
     * QLQ-C30, only the QLQ-LC13, or both). Items of any known instrument are accepted.
     */
    public ScoringOutcome score(List<ItemAnswer> answers) {
        Objects.requireNonNull(answers, "answers");
        Set<String> answered = new LinkedHashSet<>();
        for (ItemAnswer answer : answers) {
            LocatedItem located = itemsByLinkId.get(answer.item());
            if (located != null) {
                answered.add(located.instrument().id());
            }
        }
        return score(answers, answered);
    }

    /**
     * Scores a response to the given instruments (e.g. those a Questionnaire comprises): all their
     * scales are reported, absent where unanswered; answers to items of other instruments are
     * rejected as unknown items.
     *
     * @throws IllegalArgumentException if an instrument id is not known to this scorer
     */
    public ScoringOutcome score(Collection<String> instrumentIds, List<ItemAnswer> answers) {
        Objects.requireNonNull(instrumentIds, "instrumentIds");
        Objects.requireNonNull(answers, "answers");
        if (instrumentIds.isEmpty()) {
            throw new IllegalArgumentException("at least one instrument must be named");
        }
        for (String id : instrumentIds) {
            if (instrument(id).isEmpty()) {
                throw new IllegalArgumentException("unknown instrument '" + id + "'");
            }
        }
        return score(answers, Set.copyOf(instrumentIds));
    }

    private ScoringOutcome score(List<ItemAnswer> answers, Set<String> administered) {
        List<ValidationProblem> problems = new ArrayList<>();
        Map<Integer, Integer> valueByItem = new HashMap<>();
        Set<String> seen = new HashSet<>();
        Set<String> reportedDuplicates = new HashSet<>();
        for (ItemAnswer answer : answers) {
            String linkId = answer.item();
            if (!seen.add(linkId)) {
                if (reportedDuplicates.add(linkId)) {
                    problems.add(new ValidationProblem(linkId, ValidationProblem.Type.DUPLICATE_ITEM,
                            "item '" + linkId + "' is answered more than once"));
                }
                continue;
            }
            LocatedItem located = itemsByLinkId.get(linkId);
            if (located == null) {
                problems.add(new ValidationProblem(linkId, ValidationProblem.Type.UNKNOWN_ITEM,
                        "item '" + linkId + "' is not an item of " + knownIds()));
            } else if (!administered.contains(located.instrument().id())) {
                problems.add(new ValidationProblem(linkId, ValidationProblem.Type.UNKNOWN_ITEM,
                        "item '" + linkId + "' belongs to " + located.instrument().id()
                                + ", which is not among the scored instruments " + sorted(administered)));
            } else if (!located.item().answers().contains(answer.value())) {
                problems.add(new ValidationProblem(linkId, ValidationProblem.Type.VALUE_OUT_OF_RANGE,
                        "item '" + linkId + "' answer " + answer.value() + " is outside "
                                + located.item().answers()));
            } else {
                valueByItem.put(located.item().number(), answer.value());
            }
        }
        if (!problems.isEmpty()) {
            return new ScoringOutcome.Rejected(problems);
        }
        List<ScaleScore> scores = new ArrayList<>();
        for (InstrumentDefinition instrument : instruments) {
            if (administered.contains(instrument.id())) {
                scores.addAll(scoreInstrument(instrument, valueByItem));
            }
        }
        return new ScoringOutcome.Scored(scores);
    }

    private static List<ScaleScore> scoreInstrument(InstrumentDefinition instrument,
                                                    Map<Integer, Integer> valueByItem) {
        Map<String, ScaleScore> byCode = new LinkedHashMap<>();
        List<ScaleScore> scores = new ArrayList<>();
        for (ScaleDefinition scale : instrument.scales()) {
            ScaleScore score = new ScaleScore(instrument.id(), scale.code(), scoreScale(instrument, scale, valueByItem));
            byCode.put(scale.code(), score);
            scores.add(score);
            if (!score.isPresent()) {
                scores.addAll(scoreStandIns(instrument, scale, valueByItem));
            }
        }
        for (SummaryScoreDefinition summary : instrument.summaries()) {
            scores.add(new ScaleScore(instrument.id(), summary.code(), scoreSummary(instrument, summary, byCode)));
        }
        return scores;
    }

    // Each answered stand-in item is a single-item measure: RS is its answer, transformed as the scale's kind.
    private static List<ScaleScore> scoreStandIns(InstrumentDefinition instrument, ScaleDefinition scale,
                                                  Map<Integer, Integer> valueByItem) {
        List<ScaleScore> scores = new ArrayList<>();
        for (StandInItem standIn : scale.standIns()) {
            Integer value = valueByItem.get(standIn.item());
            if (value != null) {
                double score = scale.kind().score(value, 1, instrument.answerRangeOf(scale));
                scores.add(ScaleScore.standingIn(instrument.id(), standIn, score));
            }
        }
        return scores;
    }

    // Manual, "Scoring procedure": RS = mean of the answered items; with at least half answered
    // this equals imputing each missing item by that mean ("Missing data").
    private static OptionalDouble scoreScale(InstrumentDefinition instrument, ScaleDefinition scale,
                                             Map<Integer, Integer> valueByItem) {
        int answered = 0;
        int sum = 0;
        for (int item : scale.items()) {
            Integer value = valueByItem.get(item);
            if (value != null) {
                answered++;
                sum += value;
            }
        }
        if (!scale.completeness().isMet(answered, scale.items().size())) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(scale.kind().score(sum, answered, instrument.answerRangeOf(scale)));
    }

    // Giesinger 2016: mean of the functional scales and of (100 - score) of the symptom scales.
    private static OptionalDouble scoreSummary(InstrumentDefinition instrument, SummaryScoreDefinition summary,
                                               Map<String, ScaleScore> byCode) {
        int available = 0;
        double total = 0.0;
        for (String code : summary.components()) {
            OptionalDouble value = byCode.get(code).value();
            if (value.isPresent()) {
                available++;
                boolean functional = instrument.scale(code).orElseThrow().kind() == ScaleKind.FUNCTIONAL;
                total += functional ? value.getAsDouble() : 100.0 - value.getAsDouble();
            }
        }
        if (!summary.completeness().isMet(available, summary.components().size())) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(total / available);
    }

    private List<String> knownIds() {
        return instruments.stream().map(InstrumentDefinition::id).toList();
    }

    private static List<String> sorted(Set<String> ids) {
        return ids.stream().sorted().toList();
    }
}
