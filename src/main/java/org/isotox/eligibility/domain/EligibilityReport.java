package org.isotox.eligibility.domain;

import java.util.List;

/** The eligibility of one patient for one study: one result per protocol criterion, in protocol order. */
public record EligibilityReport(boolean eligible, List<CriterionResult> criteria) {

    public EligibilityReport {
        criteria = List.copyOf(criteria);
    }

    /** Eligible only when every criterion is met. */
    public static EligibilityReport of(List<CriterionResult> criteria) {
        return new EligibilityReport(criteria.stream().allMatch(c -> c.outcome() == Outcome.MET), criteria);
    }
}
