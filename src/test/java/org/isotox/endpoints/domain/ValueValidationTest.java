package org.isotox.endpoints.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Construction rules of the value types: the happy boundary and the first value past it. */
class ValueValidationTest {

    @Nested
    class Observations {

        @ParameterizedTest(name = "time {0}")
        @ValueSource(doubles = {-1, -Double.MIN_VALUE, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
        void timeMustBeFiniteAndNonNegative(double time) {
            assertThatThrownBy(() -> TimeToEvent.event(time)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("time").hasMessageContaining(String.valueOf(time));
            assertThatThrownBy(() -> TimeToEvent.censored(time)).isInstanceOf(IllegalArgumentException.class);
        }

        @ParameterizedTest(name = "time {0}")
        @ValueSource(doubles = {0, Double.MIN_VALUE, 1, 60, Double.MAX_VALUE})
        void finiteNonNegativeTimesAreAccepted(double time) {
            assertThat(TimeToEvent.event(time)).isEqualTo(new TimeToEvent(time, true));
            assertThat(TimeToEvent.censored(time).event()).isFalse();
        }

        @Test
        void negativeZeroBecomesZero() {
            assertThat(Double.doubleToRawLongBits(TimeToEvent.censored(-0.0).time()))
                    .isEqualTo(Double.doubleToRawLongBits(0.0));
        }
    }

    @Nested
    class Settings {

        @ParameterizedTest(name = "level {0}")
        @ValueSource(doubles = {0, 1, -0.95, 95, Double.NaN})
        void levelMustBeStrictlyBetweenZeroAndOne(double level) {
            assertThatThrownBy(() -> ConfidenceSettings.of(level, ConfidenceTransform.LOG_LOG))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(String.valueOf(level));
        }

        @ParameterizedTest(name = "level {0}")
        @ValueSource(doubles = {1e-9, 0.5, 0.95, 0.999999})
        void levelsInsideAreAccepted(double level) {
            assertThat(ConfidenceSettings.of(level, ConfidenceTransform.PLAIN).level()).isEqualTo(level);
        }

        @Test
        void transformIsRequired() {
            assertThatThrownBy(() -> ConfidenceSettings.of(0.95, null)).isInstanceOf(NullPointerException.class)
                    .hasMessageContaining("transform");
        }

        @Test
        void defaultsAreNinetyFivePercentLogLog() {
            assertThat(ConfidenceSettings.defaults()).isEqualTo(new ConfidenceSettings(0.95, ConfidenceTransform.LOG_LOG));
            assertThat(new KaplanMeierEstimator().settings()).isEqualTo(ConfidenceSettings.defaults());
        }
    }

    @Nested
    class Intervals {

        @ParameterizedTest(name = "[{0}, {1}]")
        @CsvSource({"-0.01, 0.5", "0.1, 1.01", "0.6, 0.5", "NaN, 0.5", "0.1, NaN"})
        void limitsMustBeOrderedProbabilities(double lower, double upper) {
            assertThatThrownBy(() -> new ConfidenceInterval(lower, upper)).isInstanceOf(IllegalArgumentException.class);
        }

        @ParameterizedTest(name = "[{0}, {1}]")
        @CsvSource({"0, 0", "0, 1", "1, 1", "0.5, 0.5"})
        void boundaryIntervalsAreAccepted(double lower, double upper) {
            assertThat(new ConfidenceInterval(lower, upper).upper()).isEqualTo(upper);
        }

        @Test
        void messageNamesTheOffendingValue() {
            assertThatThrownBy(() -> new ConfidenceInterval(0.7, 0.2)).hasMessageContaining("0.7")
                    .hasMessageContaining("0.2");
        }
    }

    @Nested
    class Transforms {

        // survival:::survfit_confint(p, se, logse = TRUE, conf.type, conf.int = 0.95) at the
        // edges: log-log NA at p = 0 and p = 1; log NA at p = 0; plain NaN at p = 0 (0 * Inf).
        @ParameterizedTest(name = "{0} at S = {1}")
        @CsvSource({
            "LOG_LOG, 1, 0,        false",
            "LOG_LOG, 0, Infinity, false",
            "LOG,     0, Infinity, false",
            "PLAIN,   0, Infinity, false",
            "LOG,     1, 0,        true",
            "PLAIN,   1, 0,        true",
            "LOG_LOG, 0.5, 0.2,    true"})
        void intervalExistsExactlyWhereSurvfitHasOne(ConfidenceTransform transform, double survival, double logSe,
                boolean present) {
            assertThat(transform.interval(survival, logSe, 1.959963984540054).isPresent()).isEqualTo(present);
        }
    }

    @Nested
    class ResultRecords {

        @Test
        void quantileProbabilityMustBeInsideZeroOne() {
            OptionalDouble none = OptionalDouble.empty();
            assertThatThrownBy(() -> new QuantileEstimate(1.0, none, none, none))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1.0");
        }

        @Test
        void rowNeedsAnEventOrACensoring() {
            assertThatThrownBy(() -> new KaplanMeierRow(1, 3, 0, 0, 1, OptionalDouble.of(0), Optional.empty()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("events 0");
        }

        @Test
        void rowCannotLoseMoreThanAreAtRisk() {
            assertThatThrownBy(() -> new KaplanMeierRow(1, 2, 2, 1, 0, OptionalDouble.empty(), Optional.empty()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3");
        }

        @Test
        void survivalMustBeAProbability() {
            assertThatThrownBy(() -> new SurvivalAtTime(1, 2, 1.5, OptionalDouble.of(0), Optional.empty()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1.5");
        }
    }
}
