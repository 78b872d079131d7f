package org.isotox.toxicity.domain;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** A study's severe-toxicity definition: a record is severe when it meets any of the criteria. */
public record SevereToxicityRule(List<SevereToxicityCriterion> criteria) {

    public SevereToxicityRule {
        if (criteria == null || criteria.isEmpty()) {
            throw new IllegalArgumentException("a severe-toxicity rule needs at least one criterion");
        }
        criteria = List.copyOf(criteria);
    }

    public boolean isSevere(ToxicityRecord record) {
        return criteria.stream().anyMatch(criterion -> criterion.isMetBy(record));
    }

    /** The earliest severe record among {@code records}, if any. */
    public Optional<ToxicityRecord> firstSevere(Collection<ToxicityRecord> records) {
        return records.stream().filter(this::isSevere).min(Comparator.comparing(ToxicityRecord::date));
    }

    /** The lowest grade any criterion counts: records below it can never be severe. */
    public int lowestCountedGrade() {
        return criteria.stream().mapToInt(SevereToxicityCriterion::minimumGrade).min().orElseThrow();
    }

    /** The terms the rule looks at. */
    public List<ToxicityRecord.Term> terms() {
        return criteria.stream().map(SevereToxicityCriterion::term).distinct().toList();
    }
}
