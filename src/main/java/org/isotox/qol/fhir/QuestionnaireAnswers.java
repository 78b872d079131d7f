package org.isotox.qol.fhir;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemAnswerComponent;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemComponent;
import org.isotox.qol.domain.ItemAnswer;

/**
 * The numeric answers of a QuestionnaireResponse, with where each came from. An answer is a
 * {@code valueCoding} whose code is the number, or a {@code valueInteger}; anything else is
 * unreadable. Items may be nested in groups; an item without an answer is missing.
 *
 * @param expressions the FHIRPath of each item by linkId, for error issues
 */
record QuestionnaireAnswers(List<ItemAnswer> answers, List<Unreadable> unreadable, Map<String, String> expressions) {

    /** An answer that is not a number. */
    record Unreadable(String expression, String message) {}

    static QuestionnaireAnswers of(QuestionnaireResponse response) {
        QuestionnaireAnswers read = new QuestionnaireAnswers(new ArrayList<>(), new ArrayList<>(), new HashMap<>());
        read.collect(response.getItem(), "QuestionnaireResponse");
        return read;
    }

    /** Where the item with {@code linkId} is, or the response itself when it is not there. */
    String expressionOf(String linkId) {
        return expressions.getOrDefault(linkId, "QuestionnaireResponse");
    }

    private void collect(List<QuestionnaireResponseItemComponent> items, String parent) {
        for (int i = 0; i < items.size(); i++) {
            QuestionnaireResponseItemComponent item = items.get(i);
            String path = parent + ".item[" + i + "]";
            expressions.putIfAbsent(item.getLinkId(), path);
            for (int a = 0; a < item.getAnswer().size(); a++) {
                QuestionnaireResponseItemAnswerComponent answer = item.getAnswer().get(a);
                read(item.getLinkId(), answer, path + ".answer[" + a + "]");
                collect(answer.getItem(), path + ".answer[" + a + "]");
            }
            collect(item.getItem(), path);
        }
    }

    private void read(String linkId, QuestionnaireResponseItemAnswerComponent answer, String path) {
        if (linkId == null || linkId.isBlank()) {
            unreadable.add(new Unreadable(path, "An answered item has no linkId"));
        } else if (answer.getValue() instanceof IntegerType integer && integer.getValue() != null) {
            answers.add(new ItemAnswer(linkId, integer.getValue()));
        } else if (answer.getValue() instanceof Coding coding && isNumber(coding.getCode())) {
            answers.add(new ItemAnswer(linkId, Integer.parseInt(coding.getCode())));
        } else {
            unreadable.add(new Unreadable(path + ".value", "The answer to item '" + linkId
                    + "' is not a number: give a valueCoding whose code is the answer's number, or a valueInteger"));
        }
    }

    private static boolean isNumber(String code) {
        return code != null && code.matches("\\d{1,2}");
    }
}
