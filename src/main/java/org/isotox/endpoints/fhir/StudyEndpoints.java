package org.isotox.endpoints.fhir;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.isotox.endpoints.domain.AnalysisPopulation;
import org.isotox.endpoints.domain.Endpoint;
import org.isotox.endpoints.domain.KaplanMeierEstimator;
import org.isotox.endpoints.domain.SubjectFollowUp;
import org.isotox.endpoints.domain.SurvivalCurve;
import org.isotox.simon.domain.StudyProgress;
import org.isotox.simon.fhir.StudyState;
import org.springframework.stereotype.Component;

/**
 * The protocol's endpoints of a study as of a date, from the server's records: OS, PFS, TTP and LC by
 * Kaplan-Meier over an {@link AnalysisPopulation} (the protocol's leaves withdrawals out of the
 * analysis; all enrolled censors them at withdrawal); the primary safety endpoint (subjects with a
 * severe toxicity) over every subject enrolled. {@code $endpoints} and the registry's results export
 * both read them here.
 */
@Component
public class StudyEndpoints {

    private final FollowUpRecords followUps;
    private final KaplanMeierEstimator estimator = new KaplanMeierEstimator();

    StudyEndpoints(FollowUpRecords followUps) {
        this.followUps = followUps;
    }

    /** Each time-to-event endpoint's curve over the population, in the order of {@link Endpoint}. */
    public Map<Endpoint, SurvivalCurve> survival(StudyState state, LocalDate asOf, AnalysisPopulation population) {
        return survival(state, asOf, EnumSet.of(population)).get(population);
    }

    /** The same for each of the populations, in the order of {@link AnalysisPopulation}. */
    public Map<AnalysisPopulation, Map<Endpoint, SurvivalCurve>> survival(
            StudyState state, LocalDate asOf, Set<AnalysisPopulation> populations) {
        List<SubjectFollowUp> followUp = followUps.of(state.courses().stream().map(course -> course.subject()).toList());
        Map<AnalysisPopulation, Map<Endpoint, SurvivalCurve>> curves = new EnumMap<>(AnalysisPopulation.class);
        populations.forEach(population -> curves.put(population, population.survival(followUp, asOf, estimator)));
        return curves;
    }

    /** The subjects with a severe toxicity since enrolment. */
    public int severeToxicities(StudyState state) {
        StudyProgress progress = state.progress();
        return (int) state.courses().stream().filter(c -> progress.firstSevere(c).isPresent()).count();
    }
}
