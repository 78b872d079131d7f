package org.isotox.simon.domain;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
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

    /** The status nearest stopping first: stopped, then unacceptable, then the most severe toxicities in stage 1 and overall. */
    private static final Comparator<StoppingStatus> NEAREST_THE_BOUNDARY = Comparator
            .comparing((StoppingStatus s) -> s.decision() == StoppingDecision.STOPPED_FOR_TOXICITY)
            .thenComparing(s -> s.decision() == StoppingDecision.COMPLETE_UNACCEPTABLE)
            .thenComparingInt(StoppingStatus::stageOneSevereToxicities)
            .thenComparingInt(StoppingStatus::severeToxicities);

    private final StudyProtocol protocol;
    private final StoppingMonitor monitor;

    public StudyProgress(StudyProtocol protocol) {
        this.protocol = protocol;
        this.monitor = new StoppingMonitor(protocol.design());
    }

    /**
     * The Simon status as of {@code asOf}. Counted per term, it is the status of the term nearest its
     * boundary: each term's subjects are counted as if it were the only severe toxicity, and a subject
     * with a severe toxicity of another term is evaluable without counting.
     */
    public StoppingStatus status(List<SubjectCourse> courses, LocalDate asOf) {
        List<SubjectCourse> analysed = analysed(courses);
        return switch (protocol.counting()) {
            case PER_PATIENT -> monitor.status(analysed.stream().map(c -> outcome(c, asOf, record -> true)).toList());
            case PER_TERM -> protocol.severeToxicity().terms().stream()
                    .map(term -> monitor.status(analysed.stream()
                            .map(c -> outcome(c, asOf, record -> record.term().equals(term)))
                            .toList()))
                    .max(NEAREST_THE_BOUNDARY)
                    .orElseThrow();
        };
    }

    /** The analysed subjects not evaluable as of {@code asOf}, in enrolment order, with why and until when. */
    public List<PendingEvaluation> pending(List<SubjectCourse> courses, LocalDate asOf) {
        return analysed(courses).stream()
                .filter(c -> !outcome(c, asOf, record -> true).evaluable())
                .map(c -> new PendingEvaluation(c.subject(), c.radiotherapy().phase(), c.radiotherapy().lastFraction(), windowEnd(c)))
                .toList();
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
        return severeAmong(course, record -> inWindow(course, record, asOf));
    }

    private boolean inWindow(SubjectCourse course, ToxicityRecord record, LocalDate asOf) {
        return !record.date().isAfter(asOf) && windowEnd(course).map(end -> !record.date().isAfter(end)).orElse(true);
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

    private Optional<ToxicityRecord> severeAmong(SubjectCourse course, Predicate<ToxicityRecord> counted) {
        List<ToxicityRecord> sinceEnrolment = course.toxicities().stream()
                .filter(record -> !record.date().isBefore(course.subject().enrolled()))
                .filter(counted)
                .toList();
        return protocol.severeToxicity().firstSevere(sinceEnrolment);
    }

    private SubjectOutcome outcome(SubjectCourse course, LocalDate asOf, Predicate<ToxicityRecord> counted) {
        if (severeAmong(course, record -> counted.test(record) && inWindow(course, record, asOf)).isPresent()) {
            return SubjectOutcome.withSevereToxicity();
        }
        if (severeInWindow(course, asOf).isPresent()) {
            return SubjectOutcome.freeOfSevereToxicity(); // evaluable by a severe toxicity that does not count here
        }
        boolean windowPassed = course.lastFraction()
                .map(last -> !last.plusDays(protocol.evaluationWindowDays()).isAfter(asOf))
                .orElse(false);
        return windowPassed ? SubjectOutcome.freeOfSevereToxicity() : SubjectOutcome.underObservation();
    }
}
