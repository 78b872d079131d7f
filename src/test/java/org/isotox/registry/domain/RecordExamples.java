package org.isotox.registry.domain;

import java.util.List;
import java.util.Optional;
import org.isotox.registry.domain.ProtocolSection.ArmGroup;
import org.isotox.registry.domain.ProtocolSection.ArmGroupType;
import org.isotox.registry.domain.ProtocolSection.ArmsInterventionsModule;
import org.isotox.registry.domain.ProtocolSection.ConditionsModule;
import org.isotox.registry.domain.ProtocolSection.DateStruct;
import org.isotox.registry.domain.ProtocolSection.DescriptionModule;
import org.isotox.registry.domain.ProtocolSection.DesignInfo;
import org.isotox.registry.domain.ProtocolSection.DesignModule;
import org.isotox.registry.domain.ProtocolSection.EligibilityModule;
import org.isotox.registry.domain.ProtocolSection.EnrollmentInfo;
import org.isotox.registry.domain.ProtocolSection.IdentificationModule;
import org.isotox.registry.domain.ProtocolSection.Intervention;
import org.isotox.registry.domain.ProtocolSection.MaskingInfo;
import org.isotox.registry.domain.ProtocolSection.OrgStudyIdInfo;
import org.isotox.registry.domain.ProtocolSection.Outcome;
import org.isotox.registry.domain.ProtocolSection.OutcomesModule;
import org.isotox.registry.domain.ProtocolSection.Sponsor;
import org.isotox.registry.domain.ProtocolSection.SponsorCollaboratorsModule;
import org.isotox.registry.domain.ProtocolSection.StatusModule;
import org.isotox.registry.domain.ResultsSection.Group;
import org.isotox.registry.domain.SubjectResult.AdverseEventRecord;
import org.isotox.registry.domain.SubjectResult.Disposition;

/** Small records for the domain tests: a complete single-arm registration and subjects. */
final class RecordExamples {

    static final Group ARM = new Group(null, "isotoxic-hypofractionated-rt", "Isotoxic hypofractionated IMRT");
    static final String GI = "Gastrointestinal disorders";
    static final String RESPIRATORY = "Respiratory, thoracic and mediastinal disorders";

    private RecordExamples() {}

    static ProtocolSection registration() {
        return new ProtocolSection(
                new IdentificationModule("NCT03606291", new OrgStudyIdInfo("2018-R099"), null, "IHR", "Official", null),
                new StatusModule(null, OverallStatus.COMPLETED, null, new DateStruct("2018-08", null), null, null),
                new SponsorCollaboratorsModule(new Sponsor("HMU2", "OTHER"), null),
                new DescriptionModule("Summary", null),
                new ConditionsModule(List.of("NSCLC"), null),
                new DesignModule(ProtocolSection.StudyType.INTERVENTIONAL, List.of(Phase.PHASE2),
                        new DesignInfo(ProtocolSection.Allocation.NA, ProtocolSection.InterventionModel.SINGLE_GROUP,
                                ProtocolSection.PrimaryPurpose.TREATMENT, new MaskingInfo(ProtocolSection.Masking.NONE)),
                        new EnrollmentInfo(30, null)),
                new ArmsInterventionsModule(List.of(new ArmGroup("arm", ArmGroupType.EXPERIMENTAL, null, null)),
                        List.of(new Intervention(ProtocolSection.InterventionType.RADIATION, "RT", null, null))),
                new OutcomesModule(List.of(new Outcome("Severe toxicity", null, "90 days")), null),
                new EligibilityModule("Inclusion Criteria: ...", false, ProtocolSection.Sex.ALL, "18 Years", null, null),
                null);
    }

    static SubjectResult subject(String id, int age, String sex, Disposition disposition, boolean died, boolean severe,
            AdverseEventRecord... events) {
        return new SubjectResult(id, Optional.of(age), sex, Optional.of(70), Optional.of("IIIB"),
                Optional.ofNullable(disposition), died, severe, List.of(events));
    }

    static AdverseEventRecord event(String term, String organSystem, boolean serious) {
        return new AdverseEventRecord(term, organSystem, serious);
    }
}
