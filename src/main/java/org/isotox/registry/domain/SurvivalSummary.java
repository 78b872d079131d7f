package org.isotox.registry.domain;

import java.util.OptionalDouble;

/**
 * A time-to-event endpoint as the results report states it: the subjects analysed, the median in
 * months with its 95 % interval (each empty when not reached or not estimable), and the percentage
 * free of the event at 3 and 5 years (empty beyond the follow-up).
 */
public record SurvivalSummary(
        String endpoint, int analysed, OptionalDouble median, OptionalDouble medianLower, OptionalDouble medianUpper,
        OptionalDouble percentAt3Years, OptionalDouble percentAt5Years) {}
