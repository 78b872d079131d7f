package org.isotox.simon.domain;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.isotox.toxicity.domain.ToxicityRecord;

/**
 * Where a study stands against its Simon design, from what is known of each subject's course.
 *
 * <p>A subject's Simon outcome counts the severe toxicities dated from enrolment to the end of the
 * evaluation window (that many days after the last radiotherapy fraction; while radiotherapy goes on,
 * the window is open), and, for a status as of a day, only those dated by then: a severe toxicity
 * dated later is reported (the safety endpoint, {@link #lateSevere}) but does not change a decision
 * the window fixed. A subject is evaluable once it has such a severe toxicity, or once the window has
 * passed.
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

    /** The subject's first severe toxicity since enrolment, if any, whenever it was dated: the safety endpoint. */
    public Optional<ToxicityRecord> firstSevere(SubjectCourse course) {
        return severeAmong(course, record -> true);
    }

    /** The subject's first severe toxicity that counts for the Simon outcome as of {@code asOf}. */
    public Optional<ToxicityRecord> severeInWindow(SubjectCourse course, LocalDate asOf) {
        Optional<LocalDate> windowEnd = windowEnd(course);
        return severeAmong(course, record -> !record.date().isAfter(asOf)
                && windowEnd.map(end -> !record.date().isAfter(end)).orElse(true));
    }

    /** The subject's first severe toxicity dated after the evaluation window: reported, not counted. */
    public Optional<ToxicityRecord> lateSevere(SubjectCourse course) {
        Optional<LocalDate> windowEnd = windowEnd(course);
        return windowEnd.flatMap(end -> severeAmong(course, record -> record.date().isAfter(end)));
    }

    /** The courses that count in the Simon analysis, in enrolment order. */
    public List<SubjectCourse> analysed(List<SubjectCourse> courses) {
        return courses.stream()
                .filter(c -> !c.subject().withdrawn() || severeInWindow(c, LocalDate.MAX).isPresent())
                .sorted(Comparator.comparingInt(c -> c.subject().sequence()))
                .toList();
    }

    private Optional<LocalDate> windowEnd(SubjectCourse course) {
        return course.lastFraction().map(last -> last.plusDays(protocol.evaluationWindowDays()));
    }

    private Optional<ToxicityRecord> severeAmong(SubjectCourse course, java.util.function.Predicate<ToxicityRecord> counted) {
        List<ToxicityRecord> sinceEnrolment = course.toxicities().stream()
                .filter(record -> !record.date().isBefore(course.subject().enrolled()))
                .filter(counted)
                .toList();
        return protocol.severeToxicity().firstSevere(sinceEnrolment);
    }

    private SubjectOutcome outcome(SubjectCourse course, LocalDate asOf) {
        if (severeInWindow(course, asOf).isPresent()) {
            return SubjectOutcome.withSevereToxicity();
        }
        boolean windowPassed = course.lastFraction()
                .map(last -> !last.plusDays(protocol.evaluationWindowDays()).isAfter(asOf))
                .orElse(false);
        return windowPassed ? SubjectOutcome.freeOfSevereToxicity() : SubjectOutcome.underObservation();
    }
}
