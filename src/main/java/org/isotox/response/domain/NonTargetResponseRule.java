package org.isotox.response.domain;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The non-target lesion response at one assessment (Eisenhauer et al. 2009, section 4.3.3). */
final class NonTargetResponseRule {

    private NonTargetResponseRule() {
    }

    /**
     * Empty when there are no non-target lesions at baseline. Tumour markers are not part of
     * this model, so CR rests on the lesions alone.
     */
    static Optional<Response> evaluate(List<NonTargetLesion> nonTargets, Map<String, NonTargetStatus> statuses) {
        if (nonTargets.isEmpty()) {
            return Optional.empty();
        }
        // Unequivocal progression of any one lesion is PD even when others were not evaluated.
        boolean progression = nonTargets.stream()
                .anyMatch(lesion -> statuses.get(lesion.id()) == NonTargetStatus.UNEQUIVOCAL_PROGRESSION);
        if (progression) {
            return Optional.of(Response.PD);
        }
        if (!nonTargets.stream().allMatch(lesion -> statuses.containsKey(lesion.id()))) {
            return Optional.of(Response.NE);
        }
        // For nodes "absent" means back to a normal size (< 10 mm short axis), as CR requires.
        boolean allAbsent = nonTargets.stream().allMatch(lesion -> statuses.get(lesion.id()) == NonTargetStatus.ABSENT);
        return Optional.of(allAbsent ? Response.CR : Response.NON_CR_NON_PD);
    }
}
