package org.isotox.response.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The best overall response over all time points (Eisenhauer et al. 2009, sections 4.4.3 and
 * 4.6, Table 3).
 */
final class BestOverallResponseRule {

    /** An overall time point response and its date. */
    record DatedResponse(LocalDate date, Response overall) {
        DatedResponse {
            Objects.requireNonNull(date, "date");
            Objects.requireNonNull(overall, "overall response");
        }
    }

    private static final Set<Response> MEETS_STABLE_DISEASE =
            EnumSet.of(Response.CR, Response.PR, Response.SD, Response.NON_CR_NON_PD);
    private static final Set<Response> COMPLETE = EnumSet.of(Response.CR);
    private static final Set<Response> AT_LEAST_PARTIAL = EnumSet.of(Response.CR, Response.PR);
    private static final Set<Response> COMPLETE_OR_UNKNOWN = EnumSet.of(Response.CR, Response.NE);
    private static final Set<Response> AT_LEAST_PARTIAL_OR_UNKNOWN = EnumSet.of(Response.CR, Response.PR, Response.NE);

    private BestOverallResponseRule() {
    }

    /**
     * @param timepoints     the overall responses in date order
     * @param targetDisease  whether the patient had target lesions at baseline: the "stable" best
     *                       response is SD then, non-CR/non-PD otherwise (Table 2, footnote a)
     */
    static Response best(
            LocalDate baselineDate, List<DatedResponse> timepoints, boolean targetDisease, BestResponseRules rules) {
        // Best response is recorded until progression (section 4.4.3); later time points do not count.
        List<DatedResponse> untilProgression = new ArrayList<>();
        for (DatedResponse timepoint : timepoints) {
            untilProgression.add(timepoint);
            if (timepoint.overall() == Response.PD) {
                break;
            }
        }
        if (rules.confirmation() == BestResponseRules.Confirmation.REQUIRED) {
            if (confirmed(untilProgression, COMPLETE, COMPLETE_OR_UNKNOWN, rules)) {
                return Response.CR;
            }
            // A CR followed by a PR is counted as a confirmed PR (Table 3, row CR-PR and footnote a:
            // the first "CR" was most likely a PR).
            if (confirmed(untilProgression, AT_LEAST_PARTIAL, AT_LEAST_PARTIAL_OR_UNKNOWN, rules)) {
                return Response.PR;
            }
        } else {
            if (untilProgression.stream().anyMatch(t -> t.overall() == Response.CR)) {
                return Response.CR;
            }
            if (untilProgression.stream().anyMatch(t -> t.overall() == Response.PR)) {
                return Response.PR;
            }
        }
        // Section 4.6.3 and Table 3: an unconfirmed CR/PR or an SD counts as stable disease once it
        // is at least the minimum duration after baseline.
        LocalDate stableFrom = baselineDate.plus(rules.minimumStableDiseaseDuration());
        boolean stable = untilProgression.stream()
                .anyMatch(t -> MEETS_STABLE_DISEASE.contains(t.overall()) && !t.date().isBefore(stableFrom));
        if (stable) {
            return targetDisease ? Response.SD : Response.NON_CR_NON_PD;
        }
        // Section 4.4.3: SD too early followed by PD is PD; with no PD the patient is inevaluable.
        boolean progression = untilProgression.stream().anyMatch(t -> t.overall() == Response.PD);
        return progression ? Response.PD : Response.NE;
    }

    /**
     * Whether some time point in {@code responses} is confirmed by a later one at least the
     * confirmation interval after it, also in {@code responses}, with only {@code between}
     * responses in between (section 4.6.1).
     */
    private static boolean confirmed(
            List<DatedResponse> timepoints, Set<Response> responses, Set<Response> between, BestResponseRules rules) {
        for (int first = 0; first < timepoints.size(); first++) {
            if (!responses.contains(timepoints.get(first).overall())) {
                continue;
            }
            LocalDate confirmableFrom = timepoints.get(first).date().plus(rules.confirmationInterval());
            for (int later = first + 1; later < timepoints.size(); later++) {
                DatedResponse candidate = timepoints.get(later);
                if (!candidate.date().isBefore(confirmableFrom) && responses.contains(candidate.overall())) {
                    return true;
                }
                if (!between.contains(candidate.overall())) {
                    break;
                }
            }
        }
        return false;
    }
}
