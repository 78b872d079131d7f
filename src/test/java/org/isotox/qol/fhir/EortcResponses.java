package org.isotox.qol.fhir;

import java.util.Map;
import java.util.TreeMap;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseStatus;
import org.hl7.fhir.r4.model.Reference;

/**
 * Hand-checked responses (item number to answer) with their scores by the EORTC QLQ-C30 Scoring
 * Manual, 3rd ed.: RS = mean of the answered items; functional S = (1 - (RS-1)/range) x 100;
 * symptom and QL2 S = (RS-1)/range x 100; range 3 for items 1-28 and the LC13, 6 for items 29-30.
 */
final class EortcResponses {

    static final String C30 = "https://isotox.org/fhir/Questionnaire/eortc-qlq-c30";
    static final String LC13 = "https://isotox.org/fhir/Questionnaire/eortc-qlq-lc13";

    private EortcResponses() {}

    /**
     * PF2 1,2,1,2,1: RS 1.4 -> 86.67 | RF2 2,2 -> 66.67 | DY 2 -> 33.33 | PA 3,2: RS 2.5 -> 50 |
     * FA 2,3,3: RS 8/3 -> 55.56 | SL 1 -> 0 | AP 2 -> 33.33 | NV 1,1 -> 0 | CO 3 -> 66.67 | DI 1 -> 0 |
     * CF 1,2: RS 1.5 -> 83.33 | EF 2,2,3,1: RS 2 -> 66.67 | SF 2,1 -> 83.33 | FI 2 -> 33.33 |
     * QL2 5,4: RS 4.5 -> 3.5/6 -> 58.33. SUM (Giesinger 2016), in ninths: PF2 780 + RF2 600 + SF 750 +
     * EF 600 + CF 750 + (100-FA) 400 + (100-PA) 450 + (100-NV) 900 + (100-DY) 600 + (100-SL) 900 +
     * (100-AP) 600 + (100-CO) 300 + (100-DI) 900 = 8530/9, over 13 scales: 8530/117 = 72.906.
     */
    static Map<Integer, Integer> c30() {
        Map<Integer, Integer> answers = new TreeMap<>();
        int[] pairs = {1, 1, 2, 2, 3, 1, 4, 2, 5, 1, 6, 2, 7, 2, 8, 2, 9, 3, 10, 2, 11, 1, 12, 3, 13, 2, 14, 1, 15, 1,
            16, 3, 17, 1, 18, 3, 19, 2, 20, 1, 21, 2, 22, 2, 23, 3, 24, 1, 25, 2, 26, 2, 27, 1, 28, 2, 29, 5, 30, 4};
        for (int i = 0; i < pairs.length; i += 2) {
            answers.put(pairs[i], pairs[i + 1]);
        }
        return answers;
    }

    /**
     * LCCO 2 -> 33.33 | LCHA 1 -> 0 | LCDY 2,3,2: RS 7/3 -> 44.44 | LCSM 1 -> 0 | LCDS 2 -> 33.33 |
     * LCPN 1 -> 0 | LCHR 4 -> 100 | LCPC 2 -> 33.33 | LCPA 3 -> 66.67 | LCPO 1 -> 0; item 43 is not scored.
     */
    static Map<Integer, Integer> lc13() {
        Map<Integer, Integer> answers = new TreeMap<>();
        int[] values = {2, 1, 2, 3, 2, 1, 2, 1, 4, 2, 3, 1, 2};
        for (int k = 0; k < values.length; k++) {
            answers.put(31 + k, values[k]);
        }
        return answers;
    }

    /**
     * {@link #lc13()} with item 35 alone of the dyspnoea items 33-35 answered, with 3: LCDY is not
     * scored, and item 35 scored alone as a single item is (3 - 1)/3 x 100 = 66.67.
     */
    static Map<Integer, Integer> lc13WithOneDyspnoeaItem() {
        Map<Integer, Integer> answers = lc13();
        answers.remove(33);
        answers.remove(34);
        answers.put(35, 3);
        return answers;
    }

    /** A completed response, answers as numeric codings. */
    static QuestionnaireResponse response(String questionnaire, Map<Integer, Integer> answers, String patient) {
        QuestionnaireResponse response = new QuestionnaireResponse()
                .setStatus(QuestionnaireResponseStatus.COMPLETED)
                .setQuestionnaire(questionnaire)
                .setAuthoredElement(new DateTimeType("2026-02-02"));
        if (patient != null) {
            response.setSubject(new Reference(patient));
        }
        answers.forEach((item, value) -> response.addItem().setLinkId(Integer.toString(item))
                .addAnswer().setValue(new Coding().setCode(Integer.toString(value))));
        return response;
    }
}
