package org.isotox.dose.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalDouble;
import java.util.stream.IntStream;

/**
 * The cumulative dose-volume histogram of one structure, as computed by the planning system at
 * the plan's reference dose: for each point, the percentage of the structure's volume receiving
 * at least that dose.
 *
 * <p>The canonical constructor validates the curve and keeps its points sorted by dose; an
 * invalid curve raises an {@link InvalidDvhException} listing every problem. Rules: a structure
 * code, at least two points, finite non-negative doses that are all different, volumes within
 * 0..100 %, and volumes that never rise with dose. Given {@code Dmax}/{@code Dmean} values
 * (finite, non-negative) win over the values read off the curve.
 *
 * <p>Reading the curve between and beyond its points:
 * <ul>
 *   <li>Every cumulative DVH passes through (0 Gy, 100 %): all of a structure receives at least
 *   0 Gy. When the first point lies above 0 Gy, the curve is taken to run straight from
 *   (0 Gy, 100 %) to the first point; this segment counts for volumes read below the first
 *   point and for the mean dose. A first point at 0 Gy is used as given.</li>
 *   <li>Above the last point the volume is 0 %: the curve is taken to end at its last point,
 *   which is also its maximum dose when it never reaches 0 % ({@link #reachesZeroVolume()}
 *   tells an adapter when this truncation happened).</li>
 *   <li>Between two points the volume is interpolated linearly.</li>
 * </ul>
 *
 * @param structure       the structure code (TG-263 name such as {@code SpinalCord})
 * @param points          the points, sorted by increasing dose
 * @param givenMaxDoseGy  a maximum dose stated with the DVH, at the reference dose
 * @param givenMeanDoseGy a mean dose stated with the DVH, at the reference dose
 */
public record CumulativeDvh(
        String structure,
        List<DvhPoint> points,
        OptionalDouble givenMaxDoseGy,
        OptionalDouble givenMeanDoseGy) {

    private static final double FULL_VOLUME_PERCENT = 100.0;

    public CumulativeDvh {
        List<DvhProblem> problems = problemsOf(structure, points, givenMaxDoseGy, givenMeanDoseGy);
        if (!problems.isEmpty()) {
            throw new InvalidDvhException(problems);
        }
        points = points.stream().sorted(Comparator.comparingDouble(DvhPoint::doseGy)).toList();
    }

    /** A DVH without given maximum or mean dose. */
    public static CumulativeDvh of(String structure, List<DvhPoint> points) {
        return new CumulativeDvh(structure, points, OptionalDouble.empty(), OptionalDouble.empty());
    }

    /**
     * Every problem that would make the constructor refuse these inputs; empty when they form a
     * valid DVH. Point indices refer to the order in which the points were given.
     */
    public static List<DvhProblem> problemsOf(
            String structure,
            List<DvhPoint> points,
            OptionalDouble givenMaxDoseGy,
            OptionalDouble givenMeanDoseGy) {
        String label = structure == null || structure.isBlank()
                ? "DVH without a structure code"
                : "DVH of " + structure;
        List<DvhProblem> problems = new ArrayList<>();
        if (structure == null || structure.isBlank()) {
            problems.add(DvhProblem.ofCurve(structure, DvhField.STRUCTURE,
                    label + ": the structure code is missing"));
        }
        List<DvhPoint> given = points == null ? List.of() : points;
        if (given.size() < 2) {
            problems.add(DvhProblem.ofCurve(structure, DvhField.POINTS,
                    label + ": has " + given.size() + " point(s), at least 2 are needed"));
        }
        for (int i = 0; i < given.size(); i++) {
            checkPoint(structure, label, i, given.get(i), problems);
        }
        checkOrder(structure, label, given, problems);
        checkGivenDose(structure, label, DvhField.DMAX, "Dmax", givenMaxDoseGy, problems);
        checkGivenDose(structure, label, DvhField.DMEAN, "Dmean", givenMeanDoseGy, problems);
        return List.copyOf(problems);
    }

    private static void checkPoint(
            String structure, String label, int index, DvhPoint point, List<DvhProblem> problems) {
        if (point == null) {
            problems.add(DvhProblem.ofPoint(structure, DvhField.POINTS, index,
                    label + ": point " + index + " is missing"));
            return;
        }
        double dose = point.doseGy();
        if (!Double.isFinite(dose) || dose < 0) {
            problems.add(DvhProblem.ofPoint(structure, DvhField.DOSE, index,
                    label + ": point " + index + " has dose " + dose
                            + " Gy; doses must be finite and not negative"));
        }
        double volume = point.volumePercent();
        if (!isVolumeInRange(volume)) {
            problems.add(DvhProblem.ofPoint(structure, DvhField.VOLUME, index,
                    label + ": point " + index + " has volume " + volume
                            + " %; volumes must lie within 0..100 %"));
        }
    }

    private static boolean isVolumeInRange(double volumePercent) {
        return Double.isFinite(volumePercent) && volumePercent >= 0
                && volumePercent <= FULL_VOLUME_PERCENT;
    }

    /**
     * Duplicate doses and rising volumes, judged on the points sorted by dose. Points whose dose
     * or volume is already reported as invalid take no part, so that one bad value is reported
     * once.
     */
    private static void checkOrder(
            String structure, String label, List<DvhPoint> given, List<DvhProblem> problems) {
        List<Integer> byDose = IntStream.range(0, given.size())
                .filter(i -> given.get(i) != null && Double.isFinite(given.get(i).doseGy()))
                .boxed()
                .sorted(Comparator.comparingDouble(i -> given.get(i).doseGy()))
                .toList();
        Integer lastWithVolume = null;
        for (int k = 0; k < byDose.size(); k++) {
            int index = byDose.get(k);
            DvhPoint point = given.get(index);
            if (k > 0) {
                int previousIndex = byDose.get(k - 1);
                if (given.get(previousIndex).doseGy() == point.doseGy()) {
                    problems.add(DvhProblem.ofPoint(structure, DvhField.DOSE, index,
                            label + ": point " + index + " repeats the dose " + point.doseGy()
                                    + " Gy of point " + previousIndex
                                    + "; each dose may appear once"));
                    continue;
                }
            }
            if (!isVolumeInRange(point.volumePercent())) {
                continue;
            }
            if (lastWithVolume != null) {
                DvhPoint lower = given.get(lastWithVolume);
                if (point.volumePercent() > lower.volumePercent()) {
                    problems.add(DvhProblem.ofPoint(structure, DvhField.VOLUME, index,
                            label + ": point " + index + " has volume " + point.volumePercent()
                                    + " % at " + point.doseGy() + " Gy, more than the "
                                    + lower.volumePercent() + " % at " + lower.doseGy()
                                    + " Gy of point " + lastWithVolume
                                    + "; a cumulative DVH must not rise with dose"));
                }
            }
            lastWithVolume = index;
        }
    }

    private static void checkGivenDose(
            String structure,
            String label,
            DvhField field,
            String name,
            OptionalDouble value,
            List<DvhProblem> problems) {
        if (value == null) {
            problems.add(DvhProblem.ofCurve(structure, field,
                    label + ": " + name + " must be given as a value or as empty, not as null"));
            return;
        }
        if (value.isEmpty()) {
            return;
        }
        double dose = value.getAsDouble();
        if (!Double.isFinite(dose) || dose < 0) {
            problems.add(DvhProblem.ofCurve(structure, field,
                    label + ": " + name + " " + dose + " Gy must be finite and not negative"));
        }
    }

    /** Maximum dose at the reference dose: the given Dmax, otherwise {@link #curveMaxDoseGy()}. */
    public double maxDoseGy() {
        return givenMaxDoseGy.orElseGet(this::curveMaxDoseGy);
    }

    /** Mean dose at the reference dose: the given Dmean, otherwise {@link #curveMeanDoseGy()}. */
    public double meanDoseGy() {
        return givenMeanDoseGy.orElseGet(this::curveMeanDoseGy);
    }

    /**
     * The lowest dose at which the cumulative volume reaches 0 %; the last point's dose when the
     * curve never reaches 0 %.
     */
    public double curveMaxDoseGy() {
        return points.stream()
                .filter(point -> point.volumePercent() == 0.0)
                .findFirst()
                .orElse(points.get(points.size() - 1))
                .doseGy();
    }

    /**
     * Mean dose read off the curve: the integral of V(d) over dose divided by 100 %, by the
     * trapezoid rule over the points, starting at (0 Gy, 100 %) when the first point lies above
     * 0 Gy. For a cumulative DVH, the integral of V(d) equals the volume-averaged dose.
     */
    public double curveMeanDoseGy() {
        List<DvhPoint> curve = anchoredPoints();
        double area = 0.0;
        for (int i = 1; i < curve.size(); i++) {
            DvhPoint lower = curve.get(i - 1);
            DvhPoint upper = curve.get(i);
            area += (upper.doseGy() - lower.doseGy())
                    * (lower.volumePercent() + upper.volumePercent()) / 2.0;
        }
        return area / FULL_VOLUME_PERCENT;
    }

    /**
     * The percentage of the volume receiving at least {@code doseGy} at the reference dose, by
     * linear interpolation; 0 % above the last point.
     *
     * @throws IllegalArgumentException when the dose is negative or not finite
     */
    public double volumePercentAt(double doseGy) {
        if (!Double.isFinite(doseGy) || doseGy < 0) {
            throw new IllegalArgumentException(
                    "DVH of " + structure + ": cannot read the volume at dose " + doseGy + " Gy");
        }
        List<DvhPoint> curve = anchoredPoints();
        DvhPoint last = curve.get(curve.size() - 1);
        if (doseGy > last.doseGy()) {
            return 0.0;
        }
        if (doseGy <= curve.get(0).doseGy()) {
            return curve.get(0).volumePercent();
        }
        int upperIndex = 1;
        while (curve.get(upperIndex).doseGy() < doseGy) {
            upperIndex++;
        }
        DvhPoint upper = curve.get(upperIndex);
        if (upper.doseGy() == doseGy) {
            return upper.volumePercent();
        }
        DvhPoint lower = curve.get(upperIndex - 1);
        return lower.volumePercent() + (upper.volumePercent() - lower.volumePercent())
                * (doseGy - lower.doseGy()) / (upper.doseGy() - lower.doseGy());
    }

    /** Whether some point has 0 % volume; when not, the curve is truncated at its last point. */
    public boolean reachesZeroVolume() {
        return points.stream().anyMatch(point -> point.volumePercent() == 0.0);
    }

    private List<DvhPoint> anchoredPoints() {
        if (points.get(0).doseGy() == 0.0) {
            return points;
        }
        List<DvhPoint> anchored = new ArrayList<>(points.size() + 1);
        anchored.add(new DvhPoint(0.0, FULL_VOLUME_PERCENT));
        anchored.addAll(points);
        return anchored;
    }
}
