package org.isotox.dose.domain;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A treatment plan as the planning system computed it: the DVHs of its structures at the
 * reference total dose. Doses at another total dose T follow by linear scaling,
 * D(T) = D_ref · T / T_ref.
 *
 * @param referenceDoseGy the total dose at which the DVHs were computed
 * @param dvhs            the DVHs by structure code, at most one per structure
 */
public record ReferencePlan(double referenceDoseGy, Map<String, CumulativeDvh> dvhs) {

    public ReferencePlan {
        if (!Double.isFinite(referenceDoseGy) || referenceDoseGy <= 0) {
            throw new IllegalArgumentException(
                    "reference dose " + referenceDoseGy + " Gy must be a positive finite number");
        }
        Objects.requireNonNull(dvhs, "dvhs");
        dvhs.forEach((structure, dvh) -> {
            if (!dvh.structure().equals(structure)) {
                throw new IllegalArgumentException("DVH of " + dvh.structure()
                        + " is filed under the structure " + structure);
            }
        });
        dvhs = Map.copyOf(dvhs);
    }

    /**
     * A plan from a list of DVHs.
     *
     * @throws IllegalArgumentException naming the structure when two DVHs share a structure
     */
    public static ReferencePlan of(double referenceDoseGy, List<CumulativeDvh> dvhs) {
        Map<String, CumulativeDvh> byStructure = new LinkedHashMap<>();
        for (CumulativeDvh dvh : dvhs) {
            if (byStructure.putIfAbsent(dvh.structure(), dvh) != null) {
                throw new IllegalArgumentException(
                        "two DVHs are given for the structure " + dvh.structure());
            }
        }
        return new ReferencePlan(referenceDoseGy, byStructure);
    }

    /**
     * The DVH of a structure.
     *
     * @throws MissingDvhException when the plan has no DVH for it
     */
    public CumulativeDvh dvhOf(String structure) {
        CumulativeDvh dvh = dvhs.get(structure);
        if (dvh == null) {
            throw new MissingDvhException(List.of(structure));
        }
        return dvh;
    }

    /** The structures among {@code needed} that have no DVH in this plan, in the given order. */
    public List<String> missingStructures(Collection<String> needed) {
        return needed.stream().distinct().filter(structure -> !dvhs.containsKey(structure)).toList();
    }

    /**
     * The DVH of a structure as it would be at total dose T.
     *
     * @throws MissingDvhException when the plan has no DVH for the structure
     * @throws IllegalArgumentException when the total dose is not a positive finite number
     */
    public ScaledDvh dvhAt(String structure, double totalDoseGy) {
        return new ScaledDvh(dvhOf(structure), referenceDoseGy, totalDoseGy);
    }
}
