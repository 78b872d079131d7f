package org.isotox.server;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.ElementDefinition;
import org.hl7.fhir.r4.model.StructureDefinition;

/**
 * Checks that a generated snapshot carries every constraint of the differential. HAPI's snapshot
 * generator drops a differential element it cannot place (an element out of the base order, a
 * misspelt path) with no more than a log line; a profile would then silently enforce less than it says.
 */
final class SnapshotCheck {

    private SnapshotCheck() {}

    /** What of the differential is missing from the snapshot; empty when nothing is. */
    static List<String> lostConstraints(StructureDefinition profile) {
        Map<String, ElementDefinition> snapshot = new HashMap<>();
        profile.getSnapshot().getElement().forEach(e -> snapshot.put(e.getId(), e));
        List<String> lost = new ArrayList<>();
        for (ElementDefinition wanted : profile.getDifferential().getElement()) {
            ElementDefinition got = snapshot.get(wanted.getId());
            if (got == null) {
                lost.add(wanted.getId() + " is not in the snapshot");
                continue;
            }
            if (wanted.hasMin() && got.getMin() != wanted.getMin()) {
                lost.add(wanted.getId() + " min " + wanted.getMin() + " became " + got.getMin());
            }
            if (wanted.hasMax() && !wanted.getMax().equals(got.getMax())) {
                lost.add(wanted.getId() + " max " + wanted.getMax() + " became " + got.getMax());
            }
            if ((wanted.hasPattern() && !got.hasPattern()) || (wanted.hasFixed() && !got.hasFixed())) {
                lost.add(wanted.getId() + " lost its pattern or fixed value");
            }
            if (wanted.hasBinding()
                    && !(got.hasBinding() && wanted.getBinding().getValueSet().equals(got.getBinding().getValueSet()))) {
                lost.add(wanted.getId() + " lost its binding to " + wanted.getBinding().getValueSet());
            }
        }
        return lost;
    }
}
