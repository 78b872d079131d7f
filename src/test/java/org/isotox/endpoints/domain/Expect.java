package org.isotox.endpoints.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Optional;
import java.util.OptionalDouble;

/** Assertions against values printed by R, where "NA" or "NaN" means the value is absent. */
final class Expect {

    /** R printed these with options(digits = 10): ten significant digits. */
    static final double R_DIGITS = 1e-9;

    private Expect() {
    }

    static boolean absent(String printed) {
        return "NA".equals(printed) || "NaN".equals(printed);
    }

    static void optional(OptionalDouble actual, String printed, String what) {
        if (absent(printed)) {
            assertThat(actual).as(what).isEmpty();
        } else {
            assertThat(actual).as(what).isPresent();
            assertThat(actual.getAsDouble()).as(what).isCloseTo(Double.parseDouble(printed), within(R_DIGITS));
        }
    }

    static void interval(Optional<ConfidenceInterval> actual, String lower, String upper, String what) {
        assertThat(absent(lower)).as("test data: lower and upper are NA together").isEqualTo(absent(upper));
        if (absent(lower)) {
            assertThat(actual).as(what).isEmpty();
        } else {
            assertThat(actual).as(what).isPresent();
            assertThat(actual.get().lower()).as(what + " lower").isCloseTo(Double.parseDouble(lower), within(R_DIGITS));
            assertThat(actual.get().upper()).as(what + " upper").isCloseTo(Double.parseDouble(upper), within(R_DIGITS));
        }
    }

    static void row(KaplanMeierRow row, double time, int atRisk, int events, int censored, double survival,
            String standardError, String lower, String upper) {
        String at = "row at " + time;
        assertThat(row.time()).as(at + " time").isEqualTo(time);
        assertThat(row.atRisk()).as(at + " n.risk").isEqualTo(atRisk);
        assertThat(row.events()).as(at + " n.event").isEqualTo(events);
        assertThat(row.censored()).as(at + " n.censor").isEqualTo(censored);
        assertThat(row.survival()).as(at + " surv").isCloseTo(survival, within(R_DIGITS));
        optional(row.standardError(), standardError, at + " std.err");
        interval(row.confidenceInterval(), lower, upper, at + " CI");
    }
}
