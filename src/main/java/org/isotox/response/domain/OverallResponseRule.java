package org.isotox.response.domain;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** The overall response at one time point (Eisenhauer et al. 2009, section 4.4.1, Tables 1 and 2). */
final class OverallResponseRule {

    private static final Set<Response> TARGET_RESPONSES =
            EnumSet.of(Response.CR, Response.PR, Response.SD, Response.PD, Response.NE);
    private static final Set<Response> NON_TARGET_RESPONSES =
            EnumSet.of(Response.CR, Response.NON_CR_NON_PD, Response.PD, Response.NE);

    private OverallResponseRule() {
    }

    /**
     * Table 1: patients with target disease (with or without non-target disease).
     *
     * @param nonTarget empty when the patient has no non-target lesions at baseline
     */
    static Response withTargets(Response target, Optional<Response> nonTarget, boolean newLesion) {
        require(target, TARGET_RESPONSES, "target");
        Objects.requireNonNull(nonTarget, "non-target response");
        nonTarget.ifPresent(response -> require(response, NON_TARGET_RESPONSES, "non-target"));
        if (newLesion || target == Response.PD || nonTarget.orElse(null) == Response.PD) {
            return Response.PD;
        }
        return switch (target) {
            case NE -> Response.NE;
            // Without non-target lesions there is nothing left besides the targets: CR stands.
            case CR -> nonTarget.orElse(Response.CR) == Response.CR ? Response.CR : Response.PR;
            case PR -> Response.PR;
            case SD -> Response.SD;
            default -> throw new IllegalStateException("unexpected target response " + target);
        };
    }

    /** Table 2: patients with non-target disease only. */
    static Response withoutTargets(Response nonTarget, boolean newLesion) {
        require(nonTarget, NON_TARGET_RESPONSES, "non-target");
        return newLesion ? Response.PD : nonTarget;
    }

    private static void require(Response response, Set<Response> allowed, String what) {
        Objects.requireNonNull(response, () -> what + " response");
        if (!allowed.contains(response)) {
            throw new IllegalArgumentException(
                    response.code() + " is not a " + what + " lesion response; expected one of " + allowed);
        }
    }
}
