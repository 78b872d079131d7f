package org.isotox.schedule.fhir;

import java.time.LocalDate;
import java.util.List;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Parameters.ParametersParameterComponent;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.isotox.fhir.Canonicals;
import org.isotox.schedule.domain.OverdueActivity;
import org.isotox.schedule.domain.SubjectOverdue;

/**
 * The {@code $overdue} answer: {@code asOf}, then one {@code subject} part per subject with parts
 * {@code researchSubject}, {@code patient}, {@code site} and one {@code activity} per overdue
 * activity ({@code task}, {@code code}, {@code description}, {@code scheduledDate} the day it was
 * planned for, {@code dueDate} the last day of its window, {@code daysOverdue} counted from that day).
 */
final class OverdueParameters {

    private OverdueParameters() {}

    static Parameters of(LocalDate asOf, List<SubjectOverdue> overdue) {
        Parameters parameters = new Parameters();
        parameters.addParameter().setName("asOf").setValue(new DateType(asOf.toString()));
        for (SubjectOverdue subject : overdue) {
            ParametersParameterComponent part = parameters.addParameter().setName("subject");
            part.addPart().setName("researchSubject").setValue(new Reference(subject.subject().reference()));
            part.addPart().setName("patient").setValue(new Reference(subject.subject().patient()));
            if (subject.subject().site() != null) {
                part.addPart().setName("site").setValue(new Reference(subject.subject().site()));
            }
            for (OverdueActivity activity : subject.activities()) {
                ParametersParameterComponent item = part.addPart().setName("activity");
                item.addPart().setName("task").setValue(new Reference(activity.task()));
                item.addPart().setName("code").setValue(new Coding(Canonicals.ISOTOX_CODES, activity.code(), null));
                item.addPart().setName("description").setValue(new StringType(activity.description()));
                item.addPart().setName("scheduledDate").setValue(new DateType(activity.scheduled().toString()));
                item.addPart().setName("dueDate").setValue(new DateType(activity.due().toString()));
                item.addPart().setName("daysOverdue").setValue(new IntegerType(Math.toIntExact(activity.daysOverdue())));
            }
        }
        return parameters;
    }
}
