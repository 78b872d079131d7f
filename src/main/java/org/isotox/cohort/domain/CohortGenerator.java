package org.isotox.cohort.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import org.isotox.cohort.domain.SyntheticSubject.Lab;
import org.isotox.cohort.domain.SyntheticSubject.Lesion;
import org.isotox.cohort.domain.SyntheticSubject.Toxicity;
import org.isotox.cohort.domain.SyntheticSubject.Visit;
import org.isotox.cohort.domain.SyntheticSubject.Workup;
import org.isotox.dose.domain.IsotoxicRules;
import org.isotox.schedule.domain.AnchorDates;
import org.isotox.schedule.domain.FollowUp;
import org.isotox.schedule.domain.Schedule;
import org.isotox.schedule.domain.ScheduledActivity;
import org.isotox.simon.domain.SimonDesign;
import org.isotox.simon.domain.StoppingMonitor;

/**
 * A deterministic synthetic cohort of a stage III NSCLC isotoxic radiotherapy trial (IHR-shaped):
 * every subject meets the eligibility criteria at enrolment, gets the isotoxic prescription its
 * plan allows, completes radiotherapy and is seen on each day the study's schedule makes something
 * due (visits, questionnaires, CTs, toxicity assessments) until death or the cohort's {@code asOf}. Outcomes are drawn from published orders of magnitude for stage III NSCLC
 * treated with radiotherapy alone: median overall survival about 26 months, median time to
 * progression about 12 months, acute oesophagitis grade 1-2 in most subjects, pneumonitis grade
 * 2 in about one in five; severe toxicities are kept one below the study's Simon boundaries (for
 * IHR: at most 2 in the first 12 subjects, where 4 stop it, and 3 in 30, where 5 fail it), so that
 * a generated study is never stopped for toxicity.
 */
public final class CohortGenerator {

    static final String PNEUMONITIS = "C143767";
    static final String ESOPHAGITIS = "C57797";
    /** NCIt codes of CTCAE grades 0 to 5. */
    static final List<String> GRADES = List.of("C75533", "C41338", "C41339", "C41340", "C41337", "C48275");

    private static final double SEVERE_PROBABILITY = 0.09;
    private static final double MEDIAN_SURVIVAL_MONTHS = 26;
    private static final double MEDIAN_PROGRESSION_MONTHS = 12;
    private static final double MISSED_VISIT_PROBABILITY = 0.04;
    private static final double DAYS_PER_MONTH = 30.4375;
    /** The schedule's activity codes (isotox CodeSystem) and the records a contact then has. */
    static final String FOLLOW_UP_VISIT = "follow-up-visit";
    static final String QOL_ASSESSMENT = "qol-assessment";
    static final String RESPONSE_CT = "response-ct";
    static final String IMAGING = "imaging";
    static final String TOXICITY_ASSESSMENT = "toxicity-assessment";

    private final PlanGenerator plans;
    private final Schedule schedule;
    private final int sites;
    private final int stageOneSize;
    private final int severeInStageOne;
    private final int severeInStudy;

    /**
     * Subjects spread over {@code sites} sites, planned under the study's {@code rules}, kept inside its
     * {@code design}, seen on the days its {@code schedule} makes activities due.
     */
    public CohortGenerator(IsotoxicRules rules, SimonDesign design, Schedule schedule, int sites) {
        this.plans = new PlanGenerator(rules);
        this.schedule = schedule;
        this.sites = sites;
        this.stageOneSize = design.n1();
        this.severeInStageOne = Math.max(0, new StoppingMonitor(design).stageOneToxicityBoundary() - 2);
        // the study is acceptable while fewer than n - r subjects had a severe toxicity
        this.severeInStudy = Math.max(0, design.n() - design.r() - 2);
    }

    public List<SyntheticSubject> generate(CohortSettings settings) {
        List<SyntheticSubject> subjects = new ArrayList<>();
        int severe = 0;
        for (int number = 1; number <= settings.subjects(); number++) {
            SplittableRandom random = new SplittableRandom(settings.seed() * 1_000_003L + number);
            int limit = number <= stageOneSize ? severeInStageOne : severeInStudy;
            boolean severeToxicity = severe < limit && random.nextDouble() < SEVERE_PROBABILITY;
            if (severeToxicity) {
                severe++;
            }
            subjects.add(subject(number, settings.enrolmentOf(number), settings.asOf(), severeToxicity, random));
        }
        return subjects;
    }

    private SyntheticSubject subject(int number, LocalDate enrolment, LocalDate asOf, boolean severe, SplittableRandom random) {
        Workup workup = workup(enrolment, random);
        SyntheticSubject.Plan plan = plans.plan(enrolment.plusDays(3), random);
        int esophagitis = pick(random, new double[] {0.30, 0.40, 0.25, 0.05});
        int pauseDays = esophagitis == 3 ? 3 : 0;
        List<LocalDate> fractions = TreatmentCalendar.fractionDays(enrolment.plusDays(7), plan.fractions(), plan.fractions() / 2, pauseDays);
        LocalDate end = fractions.get(fractions.size() - 1);
        Optional<LocalDate> death = Optional.of(end.plusDays(days(exponential(random, MEDIAN_SURVIVAL_MONTHS))))
                .filter(day -> !day.isAfter(asOf));
        Tumour tumour = new Tumour(workup.baselineLesions(), 0.3 + 0.6 * random.nextDouble(),
                exponential(random, MEDIAN_PROGRESSION_MONTHS) + 2, random.nextDouble() < 0.6);
        int pneumonitis = severe ? 3 : pick(random, new double[] {0.50, 0.30, 0.20});

        AnchorDates anchors = new AnchorDates(enrolment, Optional.of(fractions.get(0)), Optional.of(end));
        List<Visit> visits = new ArrayList<>();
        for (Map.Entry<LocalDate, Set<String>> contact : contactsOf(anchors).entrySet()) {
            LocalDate date = contact.getKey();
            Set<String> due = contact.getValue();
            if (date.isAfter(asOf) || death.isPresent() && !date.isBefore(death.get())) {
                break;
            }
            if (date.isAfter(end) && random.nextDouble() < MISSED_VISIT_PROBABILITY) {
                continue;
            }
            double monthsAfter = ChronoUnit.DAYS.between(end, date) / DAYS_PER_MONTH;
            double burden = date.isAfter(end) ? (tumour.progressed(monthsAfter) ? 0.5 : 0.25) : date.isAfter(enrolment) ? 0.35 : 0.15;
            List<Toxicity> toxicities = due.contains(TOXICITY_ASSESSMENT)
                    ? List.of(toxicity(ESOPHAGITIS, date.equals(end) ? esophagitis : 0, date.equals(end) ? pauseDays : 0),
                            toxicity(PNEUMONITIS, pneumonitisAt(monthsAfter, pneumonitis), 0))
                    : List.of();
            visits.add(new Visit(date.toString(), date, due.contains(FOLLOW_UP_VISIT), due.contains(IMAGING),
                    due.contains(QOL_ASSESSMENT) ? Optional.of(Questionnaires.answers(random, burden)) : Optional.empty(),
                    due.contains(RESPONSE_CT) ? tumour.at(Math.max(0, monthsAfter)) : List.of(), toxicities));
        }
        return new SyntheticSubject(number, (number - 1) % sites, workup, enrolment, plan, fractions, visits, death);
    }

    /** Each day the study's schedule makes something due, with the activity codes due that day, in date order. */
    private Map<LocalDate, Set<String>> contactsOf(AnchorDates anchors) {
        Map<LocalDate, Set<String>> contacts = new TreeMap<>();
        for (ScheduledActivity activity : schedule.activitiesOf(anchors, FollowUp.ongoing())) {
            activity.window().ifPresent(window -> contacts.computeIfAbsent(window.due(), day -> new TreeSet<>()).add(activity.code()));
        }
        return contacts;
    }

    /** Pneumonitis shows one to three months after radiotherapy; a severe one is graded at the first of those visits. */
    private static int pneumonitisAt(double monthsAfterRadiotherapy, int grade) {
        if (monthsAfterRadiotherapy >= 0.5 && monthsAfterRadiotherapy < 1.5) {
            return grade;
        }
        return monthsAfterRadiotherapy >= 2.5 && monthsAfterRadiotherapy < 3.5 && grade < 3 ? grade : 0;
    }

    private static Workup workup(LocalDate enrolment, SplittableRandom random) {
        LocalDate date = enrolment.minusDays(7 + random.nextInt(15));
        LocalDate birth = enrolment.minusYears(45 + random.nextInt(36)).minusDays(random.nextInt(365));
        String stage = List.of("IIIA", "IIIB", "IIIC").get(pick(random, new double[] {0.4, 0.4, 0.2}));
        int karnofsky = 60 + 10 * pick(random, new double[] {0.05, 0.35, 0.40, 0.20});
        List<Lab> labs = List.of(
                lab(random, "718-7", "g/L", 120, 160),
                lab(random, "6690-2", "10*9/L", 4, 10),
                lab(random, "751-8", "10*9/L", 2, 7),
                lab(random, "777-3", "10*9/L", 100, 300),
                lab(random, "1742-6", "U/L", 7, 40),
                lab(random, "1920-8", "U/L", 13, 40),
                lab(random, "1975-2", "umol/L", 3, 21),
                lab(random, "2160-0", "umol/L", 57, 111));
        List<Lesion> lesions = new ArrayList<>();
        int targets = 1 + random.nextInt(2);
        for (int t = 1; t <= targets; t++) {
            lesions.add(new Lesion("T" + t, 15 + random.nextInt(46), true, false));
        }
        return new Workup(random.nextDouble() < 0.7, birth, date.minusDays(20 + random.nextInt(30)), stage, karnofsky,
                6 + random.nextInt(19), labs, date, lesions);
    }

    /** A value inside the middle 80 % of its reference range, one decimal. */
    private static Lab lab(SplittableRandom random, String loinc, String unit, double low, double high) {
        double span = high - low;
        double value = Math.round((low + span * (0.1 + 0.8 * random.nextDouble())) * 10) / 10.0;
        return new Lab(loinc, value, unit, low, high);
    }

    private static Toxicity toxicity(String term, int grade, int interruptionDays) {
        return new Toxicity(term, GRADES.get(grade), grade, interruptionDays);
    }

    static int pick(SplittableRandom random, double[] weights) {
        double draw = random.nextDouble();
        double cumulative = 0;
        for (int i = 0; i < weights.length; i++) {
            cumulative += weights[i];
            if (draw < cumulative) {
                return i;
            }
        }
        return weights.length - 1;
    }

    /** An exponential time with this median (rate ln 2 / median). */
    private static double exponential(SplittableRandom random, double median) {
        return -Math.log(1 - random.nextDouble()) * median / Math.log(2);
    }

    private static long days(double months) {
        return Math.round(months * DAYS_PER_MONTH);
    }
}
