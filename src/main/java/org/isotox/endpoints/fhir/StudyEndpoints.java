package org.isotox.endpoints.fhir;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.isotox.endpoints.domain.Endpoint;
import org.isotox.endpoints.domain.KaplanMeierEstimator;
import org.isotox.endpoints.domain.SubjectFollowUp;
import org.isotox.endpoints.domain.SurvivalCurve;
import org.isotox.study.domain.EnrolledSubject;
import org.isotox.simon.domain.StudyProgress;
import org.isotox.simon.fhir.StudyState;
import org.springframework.stereotype.Component;

/**
 * The protocol's endpoints of a study as of a date, from the server's records: OS, PFS, TTP and LC by
 * Kaplan-Meier over the subjects enrolled and not withdrawn (the protocol leaves withdrawals out of
 * the analysis); the primary safety endpoint (subjects with a severe toxicity) over every subject
 * enrolled. {@code $endpoints} and the registry's results export both read them here.
 */
@Component
public class StudyEndpoints {

    private final FollowUpRecords followUps;
    private final KaplanMeierEstimator estimator = new KaplanMeierEstimator();

    StudyEndpoints(FollowUpRecords followUps) {
        this.followUps = followUps;
    }

    /** Each time-to-event endpoint's curve, in the order of {@link Endpoint}. */
    public Map<Endpoint, SurvivalCurve> survival(StudyState state, LocalDate asOf) {
        List<EnrolledSubject> analysed = state.courses().stream()
                .map(course -> course.subject())
                .filter(subject -> !subject.withdrawn())
                .toList();
        List<SubjectFollowUp> followUp = followUps.of(analysed);
        Map<Endpoint, SurvivalCurve> curves = new EnumMap<>(Endpoint.class);
        for (Endpoint endpoint : Endpoint.values()) {
            curves.put(endpoint, estimator.estimate(followUp.stream().map(s -> endpoint.of(s, asOf)).toList()));
        }
        return curves;
    }

    /** The subjects with a severe toxicity since enrolment. */
    public int severeToxicities(StudyState state) {
        StudyProgress progress = state.progress();
        return (int) state.courses().stream().filter(c -> progress.firstSevere(c).isPresent()).count();
    }
}
