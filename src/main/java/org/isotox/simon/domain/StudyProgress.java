package org.isotox.simon.domain;

import org.isotox.study.domain.EnrolledSubject;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.isotox.simon.domain.StoppingMonitor;
import org.isotox.simon.domain.StoppingStatus;
import org.isotox.simon.domain.SubjectOutcome;
import org.isotox.toxicity.domain.ToxicityRecord;

/**
 * Where a study stands against its Simon design, from what is known of each subject's course.
 *
 * <p>Only toxicities recorded on or after enrolment count. A subject is evaluable once it has a
 * severe toxicity, or once the evaluation window after its last radiotherapy fraction has passed.
 * Following the protocol ("shedding, withdrawal and loss of follow-up cases will not be included
 * in the statistical analysis"), a withdrawn subject without a severe toxicity leaves the analysis
 * and frees its place; one with a severe toxicity stays in it, because the safety signal is real.
 */
public final class StudyProgress {

    private final StudyProtocol protocol;
    private final StoppingMonitor monitor;

    public StudyProgress(StudyProtocol protocol) {
        this.protocol = protocol;
        this.monitor = new StoppingMonitor(protocol.design());
    }

    /** The Simon status as of {@code asOf}. */
    public StoppingStatus status(List<SubjectCourse> courses, LocalDate asOf) {
        return monitor.status(analysed(courses).stream().map(c -> outcome(c, asOf)).toList());
    }

    /** The stage (1 or 2) a subject enrolled next would belong to. */
    public int stageOfNextSubject(List<SubjectCourse> courses) {
        return analysed(courses).size() < protocol.design().n1() ? 1 : 2;
    }

    /** The subject's first severe toxicity since enrolment, if any. */
    public Optional<ToxicityRecord> firstSevere(SubjectCourse course) {
        List<ToxicityRecord> sinceEnrolment = course.toxicities().stream()
                .filter(record -> !record.date().isBefore(course.subject().enrolled()))
                .toList();
        return protocol.severeToxicity().firstSevere(sinceEnrolment);
    }

    /** The courses that count in the Simon analysis, in enrolment order. */
    public List<SubjectCourse> analysed(List<SubjectCourse> courses) {
        return courses.stream()
                .filter(c -> !c.subject().withdrawn() || firstSevere(c).isPresent())
                .sorted(Comparator.comparingInt(c -> c.subject().sequence()))
                .toList();
    }

    private SubjectOutcome outcome(SubjectCourse course, LocalDate asOf) {
        if (firstSevere(course).isPresent()) {
            return SubjectOutcome.withSevereToxicity();
        }
        boolean windowPassed = course.lastFraction()
                .map(last -> !last.plusDays(protocol.evaluationWindowDays()).isAfter(asOf))
                .orElse(false);
        return windowPassed ? SubjectOutcome.freeOfSevereToxicity() : SubjectOutcome.underObservation();
    }
}
