package org.isotox.dose.domain;

/**
 * One point of a cumulative dose-volume histogram: the percentage of the structure's volume
 * that receives at least {@code doseGy}.
 *
 * <p>A point is not validated on its own, so that {@link CumulativeDvh#problemsOf} can report
 * every problem of a curve at once, each with the index of the point as it was given.
 */
public record DvhPoint(double doseGy, double volumePercent) {
}
