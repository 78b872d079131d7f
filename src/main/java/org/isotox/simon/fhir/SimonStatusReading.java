package org.isotox.simon.fhir;

import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Parameters.ParametersParameterComponent;
import org.isotox.simon.domain.StudyProtocol;
import org.isotox.toxicity.domain.SevereToxicityCriterion;

/**
 * The {@code reading} part of {@code $simon-status}: how the study's definition settles what the
 * protocol leaves open, so that a reader of the decision knows what it counted.
 */
final class SimonStatusReading {

    private SimonStatusReading() {}

    static void add(ParametersParameterComponent reading, StudyProtocol protocol) {
        reading.addPart().setName("severeToxicityCounting").setValue(new CodeType(protocol.counting().code()));
        reading.addPart().setName("evaluationWindowDays").setValue(new IntegerType(protocol.evaluationWindowDays()));
        reading.addPart().setName("interruptionAttributionDays").setValue(new IntegerType(protocol.interruptionAttributionDays()));
        protocol.courseEnd().stoppedAfterDaysWithoutFraction().ifPresent(days ->
                reading.addPart().setName("courseStoppedWithoutFractionAfterDays").setValue(new IntegerType(days)));
        for (SevereToxicityCriterion criterion : protocol.severeToxicity().criteria()) {
            ParametersParameterComponent severe = reading.addPart().setName("severeToxicity");
            severe.addPart().setName("term").setValue(new Coding(criterion.term().system(), criterion.term().code(), null));
            severe.addPart().setName("minimumGrade").setValue(new IntegerType(criterion.minimumGrade()));
            criterion.minimumInterruptionDays().ifPresent(days ->
                    severe.addPart().setName("minimumInterruptionDays").setValue(new IntegerType(days)));
        }
    }
}
