package org.isotox.simon.fhir;

import org.isotox.fhir.KeptWork;
import org.springframework.stereotype.Component;

/** Kept work: the stopping rule re-applied to a patient's studies (the payload: {@code Patient/id}) after a course changed. */
@Component
class StoppingRuleReapplied implements KeptWork.Kind {

    private final StoppingRule rule;

    StoppingRuleReapplied(StoppingRule rule) {
        this.rule = rule;
    }

    @Override
    public String name() {
        return "stopping-rule";
    }

    @Override
    public void run(String patient) {
        rule.applyToStudiesOf(patient, PendingToxicityWrite.none());
    }
}
