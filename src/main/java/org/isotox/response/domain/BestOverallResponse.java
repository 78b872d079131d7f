package org.isotox.response.domain;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * A patient's best overall response and what it rests on.
 *
 * @param response   the best overall response (Eisenhauer et al. 2009, section 4.4.3, Table 3)
 * @param date       the date of the assessment that determined it: the first time point of the
 *                   best CR or PR (of a confirmed one, the time point confirmed), the first that
 *                   meets SD at the minimum duration, the progression, or for NE the last time
 *                   point counted; empty without any time point
 * @param studyEntry the day the minimum duration of stable disease was counted from
 */
public record BestOverallResponse(Response response, Optional<LocalDate> date, LocalDate studyEntry) {

    public BestOverallResponse {
        Objects.requireNonNull(response, "best overall response");
        Objects.requireNonNull(date, "date of the best overall response");
        Objects.requireNonNull(studyEntry, "study entry");
    }
}
