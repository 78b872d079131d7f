package org.isotox.response.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Test data builders. The IHR settings are here, not in the main code. */
final class Fixtures {

    static final LocalDate BASELINE_DATE = LocalDate.of(2024, 1, 8);

    /** RECIST 1.1 section 4.6.1: confirmation no less than 4 weeks after response is first met. */
    static final Period FOUR_WEEKS = Period.ofWeeks(4);

    /** IHR setting for the SD minimum duration: 6 weeks, the low end of section 4.6.3's "6-8 weeks". */
    static final Period SIX_WEEKS = Period.ofWeeks(6);

    static final BestResponseRules IHR_RULES =
            new BestResponseRules(BestResponseRules.Confirmation.NOT_REQUIRED, FOUR_WEEKS, SIX_WEEKS);

    static final BestResponseRules CONFIRMATION_REQUIRED =
            new BestResponseRules(BestResponseRules.Confirmation.REQUIRED, FOUR_WEEKS, SIX_WEEKS);

    private Fixtures() {
    }

    static BigDecimal mm(String value) {
        return new BigDecimal(value);
    }

    static TargetLesion target(String id, String mm) {
        return new TargetLesion(id, false, mm(mm));
    }

    static TargetLesion target(String id, String mm, String organ) {
        return new TargetLesion(id, false, mm(mm), Optional.of(organ));
    }

    static TargetLesion node(String id, String mm) {
        return new TargetLesion(id, true, mm(mm));
    }

    static NonTargetLesion nonTarget(String id) {
        return new NonTargetLesion(id, false);
    }

    static NonTargetLesion nonTargetNode(String id) {
        return new NonTargetLesion(id, true);
    }

    static Baseline baseline(BaselineLesion... lesions) {
        return new Baseline(BASELINE_DATE, List.of(lesions));
    }

    static AssessmentBuilder on(LocalDate date) {
        return new AssessmentBuilder(date);
    }

    static AssessmentBuilder afterDays(int days) {
        return new AssessmentBuilder(BASELINE_DATE.plusDays(days));
    }

    static final class AssessmentBuilder {
        private final LocalDate date;
        private final Map<String, BigDecimal> diameters = new HashMap<>();
        private final Map<String, NonTargetStatus> statuses = new HashMap<>();
        private boolean newLesion;

        private AssessmentBuilder(LocalDate date) {
            this.date = date;
        }

        AssessmentBuilder target(String id, String mm) {
            diameters.put(id, mm(mm));
            return this;
        }

        AssessmentBuilder nonTarget(String id, NonTargetStatus status) {
            statuses.put(id, status);
            return this;
        }

        AssessmentBuilder newLesion() {
            newLesion = true;
            return this;
        }

        Assessment build() {
            return new Assessment(date, diameters, statuses, newLesion);
        }
    }
}
