package org.isotox.response.domain;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Whether a progression involves the irradiated tumour, for local control: an in-field non-target
 * lesion progressed unequivocally, or the target response is PD and an in-field target lesion is
 * larger than at the nadir (the assessment whose sum is the nadir, or the baseline). New lesions
 * count as out of field: a new lesion alone is never a local progression.
 */
final class InFieldProgressionRule {

    private InFieldProgressionRule() {
    }

    /**
     * @param nadirDiametersMm the target diameters at the nadir, by lesion id
     */
    static boolean involvesInFieldLesion(
            Baseline baseline, Assessment assessment, Optional<Response> targetResponse,
            Map<String, BigDecimal> nadirDiametersMm) {
        boolean nonTargetInField = baseline.nonTargets().stream()
                .filter(NonTargetLesion::inField)
                .anyMatch(lesion -> assessment.nonTargetStatuses().get(lesion.id())
                        == NonTargetStatus.UNEQUIVOCAL_PROGRESSION);
        if (nonTargetInField) {
            return true;
        }
        if (targetResponse.orElse(null) != Response.PD) {
            return false;
        }
        List<TargetLesion> inField = baseline.targets().stream().filter(TargetLesion::inField).toList();
        return inField.stream().anyMatch(lesion -> {
            BigDecimal now = assessment.targetDiametersMm().get(lesion.id());
            return now != null && now.compareTo(nadirDiametersMm.get(lesion.id())) > 0;
        });
    }
}
