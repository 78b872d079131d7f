package org.isotox.endpoints.domain;

import java.util.Objects;

/**
 * How confidence intervals are computed: the two-sided confidence level (survfit's
 * {@code conf.int}) and the transform (survfit's {@code conf.type}).
 */
public record ConfidenceSettings(double level, ConfidenceTransform transform) {

    /** The conventional two-sided level, 95 %. */
    public static final double DEFAULT_LEVEL = 0.95;

    public ConfidenceSettings {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("confidence level must be in (0, 1), was " + level);
        }
        Objects.requireNonNull(transform, "transform");
    }

    /** 95 % intervals on the complementary log-log scale. */
    public static ConfidenceSettings defaults() {
        return new ConfidenceSettings(DEFAULT_LEVEL, ConfidenceTransform.LOG_LOG);
    }

    public static ConfidenceSettings of(double level, ConfidenceTransform transform) {
        return new ConfidenceSettings(level, transform);
    }

    /** The standard normal quantile z_{1 - (1 - level) / 2}, e.g. 1.959964 for 95 %. */
    public double z() {
        return StandardNormal.quantile(1 - (1 - level) / 2);
    }
}
