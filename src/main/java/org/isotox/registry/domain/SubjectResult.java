package org.isotox.registry.domain;

import java.util.List;
import java.util.Optional;

/**
 * What the results report needs of one enrolled subject, as plain values.
 *
 * @param age                  years at enrolment, if the birth date is known
 * @param sex                  {@code female}, {@code male} or what else the record says
 * @param karnofsky            the last Karnofsky score on or before enrolment, if any
 * @param stage                the clinical stage group ({@code IIIB}), if recorded
 * @param disposition          how the subject left the study; empty while it is still on it
 * @param died                 the patient died (on study or after)
 * @param severeToxicity       the subject had a toxicity the protocol defines as severe
 * @param adverseEvents        the subject's graded toxicities (grade 1 and above), one per record
 */
public record SubjectResult(
        String subject, Optional<Integer> age, String sex, Optional<Integer> karnofsky, Optional<String> stage,
        Optional<Disposition> disposition, boolean died, boolean severeToxicity, List<AdverseEventRecord> adverseEvents) {

    public SubjectResult {
        adverseEvents = List.copyOf(adverseEvents);
    }

    /** How a subject left the study, in the registry's terms. */
    public enum Disposition {
        COMPLETED(null), WITHDRAWAL("Withdrawal by Subject"), LOST_TO_FOLLOW_UP("Lost to Follow-up"), DEATH("Death");

        private final String reason;

        Disposition(String reason) {
            this.reason = reason;
        }

        /** The registry's not-completed reason; null for COMPLETED. */
        public String reason() {
            return reason;
        }
    }

    /**
     * One graded toxicity of the subject.
     *
     * @param serious it meets the protocol's severe-toxicity definition or is life-threatening or fatal (grade 4-5)
     */
    public record AdverseEventRecord(String term, String organSystem, boolean serious) {}
}
