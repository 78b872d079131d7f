package org.isotox.simon.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StoppingMonitorTest {

    /**
     * The IHR design in Simon's terms (ARCHITECTURE.md, "Domain rules"; protocol "Trial design"):
     * r1 = 8 of n1 = 12, n = 30, so stage 1 stops at 4 severe-toxicity subjects among the first 12.
     * The final boundary r is a study parameter; 24 is used here, so the trial is acceptable with
     * at most 5 severe-toxicity subjects of 30.
     */
    private static final SimonDesign IHR = new SimonDesign(8, 12, 24, 30);

    /**
     * Subjects in enrolment order, written as runs: "3S 9F 2O" = 3 with a severe toxicity,
     * 9 evaluable free of it, 2 still under observation.
     */
    static List<SubjectOutcome> subjects(String runs) {
        List<SubjectOutcome> result = new ArrayList<>();
        for (String run : runs.trim().split("\\s+")) {
            if (run.isEmpty()) {
                continue;
            }
            int count = Integer.parseInt(run.substring(0, run.length() - 1));
            SubjectOutcome outcome = switch (run.charAt(run.length() - 1)) {
                case 'S' -> SubjectOutcome.withSevereToxicity();
                case 'F' -> SubjectOutcome.freeOfSevereToxicity();
                case 'O' -> SubjectOutcome.underObservation();
                default -> throw new IllegalArgumentException("bad run " + run);
            };
            for (int i = 0; i < count; i++) {
                result.add(outcome);
            }
        }
        return result;
    }

    @Nested
    class IhrBoundaries {

        private final StoppingMonitor monitor = new StoppingMonitor(IHR);

        @ParameterizedTest(name = "[{0}] -> {6}")
        @CsvSource(delimiter = '|', value = {
            // subjects          | stage | enrolled | evaluable | severe | stage-1 severe | decision                   | may enrol
            "''                  | 1 |  0 |  0 | 0 | 0 | accruing-stage-1            | true",
            "3S                  | 1 |  3 |  3 | 3 | 3 | accruing-stage-1            | true",
            "3S 8F               | 1 | 11 | 11 | 3 | 3 | accruing-stage-1            | true",
            "3S 7F 1O            | 1 | 11 | 10 | 3 | 3 | accruing-stage-1            | true",
            // the boundary is reached as soon as the 4th stage-1 severe toxicity is recorded
            "4S                  | 1 |  4 |  4 | 4 | 4 | stopped-for-toxicity        | false",
            "4S 1F 7O            | 1 | 12 |  5 | 4 | 4 | stopped-for-toxicity        | false",
            "3S 8F 1S            | 1 | 12 | 12 | 4 | 4 | stopped-for-toxicity        | false",
            "1F 4S 7O            | 1 | 12 |  5 | 4 | 4 | stopped-for-toxicity        | false",
            // 12 enrolled, below the boundary, not all evaluable
            "3S 8F 1O            | 1 | 12 | 11 | 3 | 3 | awaiting-stage-1-evaluation | false",
            "3S 9O               | 1 | 12 |  3 | 3 | 3 | awaiting-stage-1-evaluation | false",
            "12O                 | 1 | 12 |  0 | 0 | 0 | awaiting-stage-1-evaluation | false",
            // a 13th subject (over-enrolled while waiting) does not count toward the stage-1 boundary
            "3S 8F 1O 1S         | 1 | 13 | 12 | 4 | 3 | awaiting-stage-1-evaluation | false",
            // 3 severe among the first 12, all evaluable: stage 2 opens
            "3S 9F               | 2 | 12 | 12 | 3 | 3 | accruing-stage-2            | true",
            "12F                 | 2 | 12 | 12 | 0 | 0 | accruing-stage-2            | true",
            "3S 9F 1S            | 2 | 13 | 13 | 4 | 3 | accruing-stage-2            | true",
            "3S 9F 3S            | 2 | 15 | 15 | 6 | 3 | accruing-stage-2            | true",
            "3S 9F 17F           | 2 | 29 | 29 | 3 | 3 | accruing-stage-2            | true",
            "3S 9F 17F 1O        | 2 | 30 | 29 | 3 | 3 | accruing-stage-2            | false",
            // all 30 evaluable: acceptable when more than r = 24 are free of severe toxicity
            "3S 9F 18F           | 2 | 30 | 30 | 3 | 3 | complete-acceptable         | false",
            "3S 9F 2S 16F        | 2 | 30 | 30 | 5 | 3 | complete-acceptable         | false",
            "3S 9F 3S 15F        | 2 | 30 | 30 | 6 | 3 | complete-unacceptable       | false",
            "12F 18S             | 2 | 30 | 30 | 18| 0 | complete-unacceptable       | false",
            // a 31st subject is counted but not analysed: the decision is over the first n = 30
            "3S 9F 2S 16F 1S     | 2 | 31 | 31 | 6 | 3 | complete-acceptable         | false",
        })
        void statusAtBoundary(String runs, int stage, int enrolled, int evaluable, int severe,
                              int stageOneSevere, String decision, boolean mayEnrol) {
            StoppingStatus status = monitor.status(subjects(runs));
            assertThat(status).isEqualTo(new StoppingStatus(stage, enrolled, evaluable, severe,
                    stageOneSevere, StoppingDecision.fromCode(decision), mayEnrol));
            assertThat(monitor.mayEnrol(subjects(runs))).isEqualTo(mayEnrol);
        }

        @Test
        void boundaryIsNOneMinusROne() {
            assertThat(monitor.stageOneToxicityBoundary()).isEqualTo(4);
        }
    }

    @Nested
    class BoundariesComeFromTheDesign {

        // Simon (1989), Table 1, p0 0.10 / p1 0.30 / alpha 0.05 / beta 0.20, optimal 1/10, 5/29,
        // read with "response" = free of severe toxicity: stop at 10 - 1 = 9 severe among 10;
        // at the end acceptable when more than r = 5 of 29 are free of severe toxicity.
        private final StoppingMonitor monitor = new StoppingMonitor(new SimonDesign(1, 10, 5, 29));

        @ParameterizedTest(name = "[{0}] -> {1}")
        @CsvSource(delimiter = '|', value = {
            "8S 2F        | accruing-stage-2",
            "8S 1F        | accruing-stage-1",
            "9S           | stopped-for-toxicity",
            "8S 2F 16S 3F | complete-unacceptable",
            "8S 2F 15S 4F | complete-acceptable",
        })
        void otherDesign(String runs, String decision) {
            assertThat(monitor.stageOneToxicityBoundary()).isEqualTo(9);
            assertThat(monitor.status(subjects(runs)).decision().code()).isEqualTo(decision);
        }
    }

    @Nested
    class Purity {

        private final StoppingMonitor monitor = new StoppingMonitor(IHR);

        @Test
        void laterChangesToTheCallersListDoNotAffectAGivenStatus() {
            List<SubjectOutcome> list = new ArrayList<>(subjects("3S 8F"));
            StoppingStatus before = monitor.status(list);
            list.add(SubjectOutcome.withSevereToxicity());
            assertThat(before.decision()).isEqualTo(StoppingDecision.ACCRUING_STAGE_1);
            assertThat(monitor.status(list).decision()).isEqualTo(StoppingDecision.STOPPED_FOR_TOXICITY);
            assertThat(monitor.status(subjects("3S 8F"))).isEqualTo(before);
        }
    }

    @Nested
    class Rejections {

        @Test
        void severeToxicityWithoutBeingEvaluableIsAContradiction() {
            assertThatThrownBy(() -> new SubjectOutcome(false, true))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("a subject with severeToxicity = true is evaluable; evaluable was false");
        }

        @Test
        void nullSubjectListIsRejected() {
            assertThatThrownBy(() -> new StoppingMonitor(IHR).status(null))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("subjects must not be null (use an empty list)");
        }

        @Test
        void nullSubjectIsRejectedWithItsPosition() {
            List<SubjectOutcome> list = Arrays.asList(SubjectOutcome.freeOfSevereToxicity(), null);
            assertThatThrownBy(() -> new StoppingMonitor(IHR).status(list))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("subject at enrolment position 2 is null");
        }

        @Test
        void nullDesignIsRejected() {
            assertThatThrownBy(() -> new StoppingMonitor(null))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("design must not be null");
        }
    }

    @Nested
    class DecisionCodes {

        @ParameterizedTest
        @CsvSource({
            "ACCRUING_STAGE_1,            accruing-stage-1",
            "AWAITING_STAGE_1_EVALUATION, awaiting-stage-1-evaluation",
            "STOPPED_FOR_TOXICITY,        stopped-for-toxicity",
            "ACCRUING_STAGE_2,            accruing-stage-2",
            "COMPLETE_ACCEPTABLE,         complete-acceptable",
            "COMPLETE_UNACCEPTABLE,       complete-unacceptable",
        })
        void codesAreTheApiStrings(StoppingDecision decision, String code) {
            assertThat(decision.code()).isEqualTo(code);
            assertThat(StoppingDecision.fromCode(code)).isEqualTo(decision);
        }

        @Test
        void sixCodes() {
            assertThat(StoppingDecision.values()).hasSize(6);
        }

        @Test
        void unknownCodeIsRejected() {
            assertThatThrownBy(() -> StoppingDecision.fromCode("stopped"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("unknown stopping decision code: stopped");
        }
    }
}
