package org.isotox.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemType;
import org.junit.jupiter.api.Test;

/** Which stored definitions the start-up loader leaves alone: a site's licensed wording in a shipped instrument stays. */
class ConformanceComparisonTest {

    @Test
    void wordingAddedToAShippedQuestionnaireCountsAsUnchanged() {
        Questionnaire shipped = instrument();
        Questionnaire worded = instrument();
        worded.getItemFirstRep().setText("The site's licensed wording of item 1");
        worded.getItemFirstRep().getAnswerOptionFirstRep().getValueCoding().setDisplay("Not at all");

        assertThat(ConformanceResourceLoader.comparable(worded).equalsDeep(ConformanceResourceLoader.comparable(shipped))).isTrue();
    }

    @Test
    void anotherAnswerCodeIsAChange() {
        Questionnaire changed = instrument();
        changed.getItemFirstRep().getAnswerOptionFirstRep().getValueCoding().setCode("9");

        assertThat(ConformanceResourceLoader.comparable(changed).equalsDeep(ConformanceResourceLoader.comparable(instrument()))).isFalse();
    }

    private static Questionnaire instrument() {
        Questionnaire questionnaire = new Questionnaire().setUrl("https://isotox.org/fhir/Questionnaire/eortc-qlq-c30");
        questionnaire.setId("eortc-qlq-c30");
        questionnaire.addItem().setLinkId("1").setType(QuestionnaireItemType.CHOICE)
                .addAnswerOption().setValue(new Coding().setCode("1"));
        return questionnaire;
    }
}
