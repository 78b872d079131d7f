package org.isotox.response.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The best overall response over all time points (Eisenhauer et al. 2009, sections 4.4.3 and
 * 4.6, Table 3). The minimum duration of stable disease counts from study entry (section 4.6.3:
 * from the start of treatment), which need not be the day of the baseline scan.
 */
final class BestOverallResponseRule {

    /** An overall time point response and its date. */
    record DatedResponse(LocalDate date, Response overall) {
        DatedResponse {
            Objects.requireNonNull(date, "date");
            Objects.requireNonNull(overall, "overall response");
        }

        DatedResponse as(Response response) {
            return new DatedResponse(date, response);
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
     * @param studyEntry     the day the minimum duration of stable disease counts from
     * @param timepoints     the overall responses in date order
     * @param targetDisease  whether the patient had target lesions at baseline: the "stable" best
     *                       response is SD then, non-CR/non-PD otherwise (Table 2, footnote a)
     */
    static BestOverallResponse best(
            LocalDate studyEntry, List<DatedResponse> timepoints, boolean targetDisease, BestResponseRules rules) {
        // Best response is recorded until progression (section 4.4.3); later time points do not count.
        List<DatedResponse> untilProgression = new ArrayList<>();
        for (DatedResponse timepoint : timepoints) {
            untilProgression.add(timepoint);
            if (timepoint.overall() == Response.PD) {
                break;
            }
        }
        Optional<DatedResponse> best = response(untilProgression, rules)
                .or(() -> stableDisease(untilProgression, studyEntry, rules)
                        .map(t -> t.as(targetDisease ? Response.SD : Response.NON_CR_NON_PD)))
                // Section 4.4.3: SD too early followed by PD is PD; with no PD the patient is inevaluable.
                .or(() -> untilProgression.stream().reduce((earlier, later) -> later)
                        .map(last -> last.overall() == Response.PD ? last : last.as(Response.NE)));
        return best.map(t -> new BestOverallResponse(t.overall(), Optional.of(t.date()), studyEntry))
                .orElseGet(() -> new BestOverallResponse(Response.NE, Optional.empty(), studyEntry));
    }

    /** The first CR, else the first PR; with confirmation required, only a confirmed one. */
    private static Optional<DatedResponse> response(List<DatedResponse> timepoints, BestResponseRules rules) {
        if (rules.confirmation() == BestResponseRules.Confirmation.NOT_REQUIRED) {
            return first(timepoints, Response.CR).or(() -> first(timepoints, Response.PR));
        }
        // A CR followed by a PR is counted as a confirmed PR (Table 3, row CR-PR and footnote a:
        // the first "CR" was most likely a PR).
        return confirmed(timepoints, COMPLETE, COMPLETE_OR_UNKNOWN, rules)
                .or(() -> confirmed(timepoints, AT_LEAST_PARTIAL, AT_LEAST_PARTIAL_OR_UNKNOWN, rules)
                        .map(first -> first.as(Response.PR)));
    }

    /**
     * Sections 4.4.3 and 4.6.3, Table 3: the first unconfirmed CR/PR or SD at least the minimum
     * duration after study entry.
     */
    private static Optional<DatedResponse> stableDisease(
            List<DatedResponse> timepoints, LocalDate studyEntry, BestResponseRules rules) {
        LocalDate stableFrom = studyEntry.plus(rules.minimumStableDiseaseDuration());
        return timepoints.stream()
                .filter(t -> MEETS_STABLE_DISEASE.contains(t.overall()) && !t.date().isBefore(stableFrom))
                .findFirst();
    }

    private static Optional<DatedResponse> first(List<DatedResponse> timepoints, Response response) {
        return timepoints.stream().filter(t -> t.overall() == response).findFirst();
    }

    /**
     * The first time point in {@code responses} that is confirmed by a later one at least the
     * confirmation interval after it, also in {@code responses}, with only {@code between}
     * responses in between (section 4.6.1).
     */
    private static Optional<DatedResponse> confirmed(
            List<DatedResponse> timepoints, Set<Response> responses, Set<Response> between, BestResponseRules rules) {
        for (int first = 0; first < timepoints.size(); first++) {
            if (!responses.contains(timepoints.get(first).overall())) {
                continue;
            }
            LocalDate confirmableFrom = timepoints.get(first).date().plus(rules.confirmationInterval());
            for (int later = first + 1; later < timepoints.size(); later++) {
                DatedResponse candidate = timepoints.get(later);
                if (!candidate.date().isBefore(confirmableFrom) && responses.contains(candidate.overall())) {
                    return Optional.of(timepoints.get(first));
                }
                if (!between.contains(candidate.overall())) {
                    break;
                }
            }
        }
        return Optional.empty();
    }
}
