package org.isotox.simon.fhir;

import java.util.Set;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Parameters.ParametersParameterComponent;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.isotox.simon.domain.PendingEvaluation;
import org.isotox.simon.domain.StudyProgress;
import org.isotox.simon.domain.SubjectCourse;
import org.isotox.toxicity.domain.ToxicityRecord;

/**
 * The per-subject parts of {@code $simon-status}, limited to the subjects the caller may see: who is
 * not evaluable yet (why, the last fraction, the day the window closes), and the severe toxicities
 * dated after a subject's evaluation window (reported, not counted).
 */
final class SimonStatusSubjects {

    private SimonStatusSubjects() {}

    static void add(Parameters parameters, StudyState state, Set<String> visible) {
        StudyProgress progress = state.progress();
        for (PendingEvaluation pending : progress.pending(state.courses(), state.asOf())) {
            if (!visible.contains(pending.subject().reference())) {
                continue;
            }
            ParametersParameterComponent part = subjectPart(parameters, "notYetEvaluable", pending.subject().reference(),
                    pending.subject().sequence());
            part.addPart().setName("reason").setValue(new CodeType(pending.radiotherapy().code()));
            pending.lastFraction().ifPresent(d -> part.addPart().setName("lastFraction").setValue(new DateType(d.toString())));
            pending.evaluableOn().ifPresent(d -> part.addPart().setName("evaluableOn").setValue(new DateType(d.toString())));
        }
        for (SubjectCourse course : state.courses()) {
            if (!visible.contains(course.subject().reference())) {
                continue;
            }
            progress.lateSevere(course).ifPresent(late -> lateSevere(parameters, course, late));
        }
    }

    private static void lateSevere(Parameters parameters, SubjectCourse course, ToxicityRecord late) {
        ParametersParameterComponent part = subjectPart(parameters, "lateSevereToxicity", course.subject().reference(),
                course.subject().sequence());
        part.addPart().setName("toxicity").setValue(new Reference(late.source()));
        part.addPart().setName("date").setValue(new DateType(late.date().toString()));
        part.addPart().setName("note").setValue(new StringType(
                "Dated after the evaluation window: in the safety endpoint, not in the Simon decision"));
    }

    private static ParametersParameterComponent subjectPart(Parameters parameters, String name, String subject, int sequence) {
        ParametersParameterComponent part = parameters.addParameter().setName(name);
        part.addPart().setName("subject").setValue(new Reference(subject));
        part.addPart().setName("enrolmentSequence").setValue(new IntegerType(sequence));
        return part;
    }
}
