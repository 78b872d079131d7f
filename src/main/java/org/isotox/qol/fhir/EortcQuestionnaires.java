package org.isotox.qol.fhir;

import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemType;
import org.hl7.fhir.r4.model.Resource;
import org.isotox.fhir.Canonicals;
import org.isotox.fhir.GeneratedDefinitions;
import org.isotox.qol.domain.EortcScorer;
import org.isotox.qol.domain.InstrumentDefinition;
import org.isotox.qol.domain.ItemDefinition;
import org.springframework.stereotype.Component;

/**
 * The QLQ-C30 and QLQ-LC13 Questionnaires, generated from the scoring core's instrument
 * definitions (one source of truth): item numbers as linkIds and numeric answer options only.
 * The EORTC's item wording is copyrighted and is not reproduced, not even as item text.
 */
@Component
class EortcQuestionnaires implements GeneratedDefinitions {

    static final String CANONICAL_BASE = Canonicals.BASE + "/Questionnaire/";

    private final EortcScorer scorer;

    EortcQuestionnaires(EortcScorer scorer) {
        this.scorer = scorer;
    }

    @Override
    public List<Resource> resources() {
        return scorer.instruments().stream().map(EortcQuestionnaires::questionnaire).map(Resource.class::cast).toList();
    }

    /** The instrument a Questionnaire canonical (optionally versioned) names, if it is one of these. */
    Optional<InstrumentDefinition> instrumentOf(String canonical) {
        if (canonical == null) {
            return Optional.empty();
        }
        String url = canonical.split("\\|")[0];
        return scorer.instruments().stream().filter(i -> url.endsWith("/Questionnaire/" + i.id())).findFirst();
    }

    private static Questionnaire questionnaire(InstrumentDefinition instrument) {
        Questionnaire questionnaire = new Questionnaire()
                .setUrl(CANONICAL_BASE + instrument.id())
                .setName(instrument.id().replace("-", "_").toUpperCase(java.util.Locale.ROOT))
                .setStatus(PublicationStatus.ACTIVE)
                .setPublisher("Isotox project")
                .setCopyright("EORTC Quality of Life Group. Items are listed by number only; the wording is the "
                        + "EORTC's and is not reproduced here. Use of the questionnaire requires EORTC permission.");
        questionnaire.setId(instrument.id());
        questionnaire.addSubjectType("Patient");
        for (ItemDefinition definition : instrument.items()) {
            Questionnaire.QuestionnaireItemComponent item =
                    questionnaire.addItem().setLinkId(definition.linkId()).setType(QuestionnaireItemType.CHOICE);
            for (int answer : definition.answers().values()) {
                item.addAnswerOption().setValue(new Coding().setCode(Integer.toString(answer)));
            }
        }
        return questionnaire;
    }
}
