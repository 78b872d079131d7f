package org.isotox.simon.domain;

import java.util.List;

/**
 * The stopping rule of a Simon two-stage safety trial, stated in events. A Simon "response" is a
 * subject free of severe toxicity, so the stage-1 rule "stop if at most r1 of n1 respond" becomes
 * "stop as soon as n1 - r1 of the first n1 enrolled have a severe toxicity"; this can happen
 * before all n1 are evaluable, because later outcomes cannot undo it. Stage 2 opens only once all
 * n1 stage-1 subjects are evaluable and below that boundary. At the end, the trial is acceptable
 * when more than r of the n subjects are free of severe toxicity.
 *
 * <p>Stage 1 is the first n1 subjects in enrolment order, and the final analysis is over the
 * first n: subjects enrolled beyond them are counted in the totals but not in the decision.
 * The status is a pure function of the design and the subjects, so an enrolment guard can
 * evaluate it inside the transaction that would add the subject.
 */
public final class StoppingMonitor {

    private final SimonDesign design;

    public StoppingMonitor(SimonDesign design) {
        if (design == null) {
            throw new IllegalArgumentException("design must not be null");
        }
        this.design = design;
    }

    public SimonDesign design() {
        return design;
    }

    /** Number of severe-toxicity subjects among the first n1 that stops the trial: n1 - r1. */
    public int stageOneToxicityBoundary() {
        return design.n1() - design.r1();
    }

    /** The status for the subjects enrolled so far, in enrolment order. */
    public StoppingStatus status(List<SubjectOutcome> subjectsInEnrolmentOrder) {
        if (subjectsInEnrolmentOrder == null) {
            throw new IllegalArgumentException("subjects must not be null (use an empty list)");
        }
        for (int i = 0; i < subjectsInEnrolmentOrder.size(); i++) {
            if (subjectsInEnrolmentOrder.get(i) == null) {
                throw new IllegalArgumentException("subject at enrolment position " + (i + 1) + " is null");
            }
        }
        List<SubjectOutcome> subjects = List.copyOf(subjectsInEnrolmentOrder);
        int enrolled = subjects.size();
        int n1 = design.n1();
        int n = design.n();

        List<SubjectOutcome> stageOne = subjects.subList(0, Math.min(n1, enrolled));
        int stageOneSevere = countSevere(stageOne);

        StoppingDecision decision;
        int stage = 1;
        if (stageOneSevere >= stageOneToxicityBoundary()) {
            decision = StoppingDecision.STOPPED_FOR_TOXICITY;
        } else if (enrolled < n1) {
            decision = StoppingDecision.ACCRUING_STAGE_1;
        } else if (countEvaluable(stageOne) < n1) {
            decision = StoppingDecision.AWAITING_STAGE_1_EVALUATION;
        } else {
            stage = 2;
            List<SubjectOutcome> analysed = subjects.subList(0, Math.min(n, enrolled));
            if (enrolled < n || countEvaluable(analysed) < n) {
                decision = StoppingDecision.ACCRUING_STAGE_2;
            } else {
                int freeOfSevereToxicity = n - countSevere(analysed);
                decision = freeOfSevereToxicity > design.r()
                        ? StoppingDecision.COMPLETE_ACCEPTABLE
                        : StoppingDecision.COMPLETE_UNACCEPTABLE;
            }
        }
        boolean enrolmentAllowed =
                (decision == StoppingDecision.ACCRUING_STAGE_1 && enrolled < n1)
                        || (decision == StoppingDecision.ACCRUING_STAGE_2 && enrolled < n);
        return new StoppingStatus(stage, enrolled, countEvaluable(subjects), countSevere(subjects),
                stageOneSevere, decision, enrolmentAllowed);
    }

    /** Whether one more subject may be enrolled now; same as {@code status(subjects).enrolmentAllowed()}. */
    public boolean mayEnrol(List<SubjectOutcome> subjectsInEnrolmentOrder) {
        return status(subjectsInEnrolmentOrder).enrolmentAllowed();
    }

    private static int countSevere(List<SubjectOutcome> subjects) {
        int count = 0;
        for (SubjectOutcome subject : subjects) {
            if (subject.severeToxicity()) {
                count++;
            }
        }
        return count;
    }

    private static int countEvaluable(List<SubjectOutcome> subjects) {
        int count = 0;
        for (SubjectOutcome subject : subjects) {
            if (subject.evaluable()) {
                count++;
            }
        }
        return count;
    }
}
