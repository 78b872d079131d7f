package org.isotox.endpoints.domain;

import java.util.Optional;

/**
 * The scale on which the normal-approximation confidence interval of S(t) is built, named after
 * the {@code conf.type} values of R's {@code survival::survfit} ("log-log", "log", "plain").
 * Each computes what {@code survival:::survfit_confint} computes (survival 3.5), including where it
 * returns NA: the interval is then absent.
 *
 * <p>Every transform receives {@code logSe}, the standard error of log S(t) (equivalently of the
 * Nelson-type cumulative hazard -log S), which by Greenwood's formula is
 * {@code sqrt(sum d_i / (n_i (n_i - d_i)))} over the event times up to t; it is +Infinity once
 * S(t) = 0 (all subjects still at risk failed).
 */
public enum ConfidenceTransform {

    /**
     * Complementary log-log: a symmetric interval for log(-log S) with standard error
     * {@code logSe / |log S|}, transformed back by {@code exp(-exp(.))}. Because the back
     * transform is decreasing, the lower survival limit comes from the upper log(-log) limit.
     * Undefined (absent) when S = 1 or S = 0.
     */
    LOG_LOG {
        @Override
        Optional<ConfidenceInterval> interval(double survival, double logSe, double z) {
            if (survival <= 0 || survival >= 1) {
                return Optional.empty();
            }
            double logMinusLog = Math.log(-Math.log(survival));
            // log(survival) < 0, so halfWidth is negative, exactly as survfit_confint's se2.
            double halfWidth = z * logSe / Math.log(survival);
            double lower = Math.exp(-Math.exp(logMinusLog - halfWidth));
            double upper = Math.exp(-Math.exp(logMinusLog + halfWidth));
            return Optional.of(new ConfidenceInterval(lower, upper));
        }
    },

    /** Symmetric interval for log S, upper limit capped at 1 (survfit's default). Absent when S = 0. */
    LOG {
        @Override
        Optional<ConfidenceInterval> interval(double survival, double logSe, double z) {
            if (survival <= 0) {
                return Optional.empty();
            }
            double lower = Math.exp(Math.log(survival) - z * logSe);
            double upper = Math.min(Math.exp(Math.log(survival) + z * logSe), 1.0);
            return Optional.of(new ConfidenceInterval(lower, upper));
        }
    },

    /**
     * Symmetric interval for S itself with the Greenwood standard error {@code S * logSe},
     * clipped to [0, 1]. Absent when S = 0 (survfit gives NaN there: 0 times an infinite se).
     */
    PLAIN {
        @Override
        Optional<ConfidenceInterval> interval(double survival, double logSe, double z) {
            if (survival <= 0) {
                return Optional.empty();
            }
            double halfWidth = z * logSe * survival;
            double lower = Math.max(survival - halfWidth, 0.0);
            double upper = Math.min(survival + halfWidth, 1.0);
            return Optional.of(new ConfidenceInterval(lower, upper));
        }
    };

    /**
     * The interval for a survival probability, or empty where survfit reports NA.
     *
     * @param survival the Kaplan-Meier estimate S(t), in [0, 1]
     * @param logSe    the standard error of log S(t) (Greenwood), >= 0, +Infinity when S(t) = 0
     * @param z        the standard normal quantile for the confidence level, > 0
     */
    abstract Optional<ConfidenceInterval> interval(double survival, double logSe, double z);
}
