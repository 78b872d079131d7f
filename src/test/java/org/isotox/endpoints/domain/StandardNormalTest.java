package org.isotox.endpoints.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** AS 241 against R 4.2.2: {@code print(qnorm(p), digits = 17)} (src/test/r/survfit-reference.R). */
class StandardNormalTest {

    // qnorm(c(0.975, 0.95, 0.995, 0.5, 0.8, 0.025, 0.01, 1e-5, 1e-12, 1 - 1e-12, 1e-30))
    //  1.95996398454005361   1.64485362695147153   2.57582930354889994   0.00000000000000000
    //  0.84162123357291441  -1.95996398454005383  -2.32634787404084076  -4.26489079392282555
    // -7.03448382530113214   7.03448691004783555 -11.46402468844361699
    // The three regions of the algorithm: |p - 0.5| <= 0.425; r = sqrt(-log(min(p, 1-p))) <= 5; r > 5.
    @ParameterizedTest(name = "qnorm({0}) = {1}")
    @CsvSource({
        "0.975,     1.95996398454005361",
        "0.95,      1.64485362695147153",
        "0.995,     2.57582930354889994",
        "0.5,       0.0",
        "0.8,       0.84162123357291441",
        "0.025,    -1.95996398454005383",
        "0.01,     -2.32634787404084076",
        "1e-5,     -4.26489079392282555",
        "1e-12,    -7.03448382530113214",
        "0.999999999999, 7.03448691004783555",
        "1e-30,   -11.46402468844361699"})
    void matchesRsQnorm(double p, double expected) {
        assertThat(StandardNormal.quantile(p)).isCloseTo(expected, within(1e-14 * Math.max(1, Math.abs(expected))));
    }

    @ParameterizedTest(name = "level {0}")
    @CsvSource({"0.95, 1.95996398454005361", "0.90, 1.64485362695147153", "0.99, 2.57582930354889994"})
    void confidenceSettingsUseTheTwoSidedQuantile(double level, double z) {
        assertThat(ConfidenceSettings.of(level, ConfidenceTransform.LOG_LOG).z()).isCloseTo(z, within(1e-14));
    }

    @ParameterizedTest(name = "p = {0}")
    @ValueSource(doubles = {0, 1, -0.1, 1.1, Double.NaN})
    void probabilityMustBeStrictlyInsideZeroOne(double p) {
        assertThatThrownBy(() -> StandardNormal.quantile(p)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(String.valueOf(p));
    }
}
