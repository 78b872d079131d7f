package org.isotox.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The study copies the benchmark grew its data set with: which numbers were taken (a study that
 * was begun holds its identifier even if its load was cut off) and which studies the server took
 * whole. Kept in a file beside a kept database, so that a later run carries on where an earlier one
 * stopped (a 10 000-subject data set is hours of loading); in memory otherwise.
 * Lines: {@code started <tag>} and {@code loaded <tag> <study id> <seed> <subjects>}.
 */
final class StudyLedger {

    private static final String STARTED = "started";
    private static final String LOADED = "loaded";

    /** A study the server took whole. */
    record Entry(String tag, String studyId, long seed, int subjects) {}

    private final Path file;
    private int started;
    private final List<Entry> loaded = new ArrayList<>();

    private StudyLedger(Path file) {
        this.file = file;
    }

    static StudyLedger inMemory() {
        return new StudyLedger(null);
    }

    /** The ledger in {@code file}, with what earlier runs wrote to it. */
    static StudyLedger in(Path file) {
        StudyLedger ledger = new StudyLedger(file);
        if (Files.exists(file)) {
            try {
                Files.readAllLines(file).stream().filter(line -> !line.isBlank()).forEach(ledger::replay);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return ledger;
    }

    /** Takes the next study number, never one taken before. */
    synchronized int begin() {
        int number = started++;
        write(STARTED + " " + tag(number));
        return number;
    }

    synchronized void loaded(BenchStudy study) {
        Entry entry = new Entry(study.tag(), study.studyId(), study.seed(), study.patients().size());
        loaded.add(entry);
        write(String.join(" ", LOADED, entry.tag(), entry.studyId(), Long.toString(entry.seed()), Integer.toString(entry.subjects())));
    }

    /** The studies the server took whole, in the order they finished. */
    synchronized List<Entry> loaded() {
        return List.copyOf(loaded);
    }

    static String tag(int number) {
        return "g" + number;
    }

    private void replay(String line) {
        String[] fields = line.trim().split(" ");
        switch (fields[0]) {
            case STARTED -> started = Math.max(started, Integer.parseInt(fields[1].substring(1)) + 1);
            case LOADED -> loaded.add(new Entry(fields[1], fields[2], Long.parseLong(fields[3]), Integer.parseInt(fields[4])));
            default -> throw new IllegalStateException("Not a line of the study ledger " + file + ": " + line);
        }
    }

    private void write(String line) {
        if (file == null) {
            return;
        }
        try {
            Files.writeString(file, line + System.lineSeparator(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
