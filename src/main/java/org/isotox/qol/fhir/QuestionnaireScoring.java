package org.isotox.qol.fhir;

import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.isotox.fhir.OperationOutcomes;
import org.isotox.qol.domain.EortcScorer;
import org.isotox.qol.domain.InstrumentDefinition;
import org.isotox.qol.domain.ScaleScore;
import org.isotox.qol.domain.ScoringOutcome;
import org.isotox.qol.domain.ValidationProblem;
import org.springframework.stereotype.Component;

/** Scores a QuestionnaireResponse to the QLQ-C30 or QLQ-LC13, or says what keeps it from being scored. */
@Component
class QuestionnaireScoring {

    sealed interface Result {}

    /** Every scale of the instrument, absent where too few items were answered. */
    record Scores(InstrumentDefinition instrument, List<ScaleScore> scores) implements Result {}

    /** An answer is not a number. */
    record Malformed(OperationOutcome outcome) implements Result {}

    /** Answers that the instrument does not have: unknown items, values out of range, repeats. */
    record Rejected(OperationOutcome outcome) implements Result {}

    private final EortcScorer scorer;
    private final EortcQuestionnaires questionnaires;

    QuestionnaireScoring(EortcScorer scorer, EortcQuestionnaires questionnaires) {
        this.scorer = scorer;
        this.questionnaires = questionnaires;
    }

    /** The instrument the response answers, if it is one of the EORTC Questionnaires. */
    Optional<InstrumentDefinition> instrumentOf(QuestionnaireResponse response) {
        return questionnaires.instrumentOf(response.getQuestionnaire());
    }

    Result score(QuestionnaireResponse response, InstrumentDefinition instrument) {
        QuestionnaireAnswers answers = QuestionnaireAnswers.of(response);
        if (!answers.unreadable().isEmpty()) {
            OperationOutcome outcome = new OperationOutcome();
            answers.unreadable().forEach(u -> OperationOutcomes.addError(outcome, IssueType.VALUE, u.message(), u.expression()));
            return new Malformed(outcome);
        }
        ScoringOutcome scored = scorer.score(List.of(instrument.id()), answers.answers());
        if (scored instanceof ScoringOutcome.Rejected rejected) {
            OperationOutcome outcome = new OperationOutcome();
            for (ValidationProblem problem : rejected.problems()) {
                OperationOutcomes.addError(outcome, IssueType.BUSINESSRULE, problem.message(),
                        answers.expressionOf(problem.item()));
            }
            return new Rejected(outcome);
        }
        return new Scores(instrument, ((ScoringOutcome.Scored) scored).scores());
    }
}
