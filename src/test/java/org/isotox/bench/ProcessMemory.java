package org.isotox.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Resident set size (from /proc) and used Java heap (from {@code jcmd GC.heap_info}) of the server process, in MiB. */
final class ProcessMemory {

    private static final Pattern HEAP_USED = Pattern.compile("total \\d+K, used (\\d+)K");

    private ProcessMemory() {}

    static double rssMib(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
                }
            }
        } catch (IOException e) {
            return Double.NaN;
        }
        return Double.NaN;
    }

    static double heapUsedMib(long pid) {
        Matcher used = HEAP_USED.matcher(Jcmd.run(pid, "GC.heap_info"));
        return used.find() ? Long.parseLong(used.group(1)) / 1024.0 : Double.NaN;
    }

    /** The heap in use right after a full collection: what the server really holds. */
    static double liveHeapMib(long pid) {
        Jcmd.run(pid, "GC.run");
        return heapUsedMib(pid);
    }
}
