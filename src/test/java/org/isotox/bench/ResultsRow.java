package org.isotox.bench;

import java.util.Locale;
import java.util.Map;

/** One run as a row of {@code bench/RESULTS.md}. */
final class ResultsRow {

    private ResultsRow() {}

    static String of(Map<String, Object> results) {
        Map<?, ?> ingest = (Map<?, ?>) results.get("ingest");
        Map<?, ?> searches = (Map<?, ?>) results.get("searches");
        Map<?, ?> operations = (Map<?, ?>) results.get("operations");
        Map<?, ?> soak = (Map<?, ?>) results.get("soak");
        Map<?, ?> afterLoad = (Map<?, ?>) results.get("afterLoad");
        double worstSearchP99 = searches.values().stream().mapToDouble(l -> ((Latencies) l).p99()).max().orElse(Double.NaN);
        return String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %s | %.0f | %.0f | %.0f | %s | %s / %s | %s / %s | %s / %s | %s |",
                results.get("date"), rate(ingest, "baseline"), rate(ingest, "rules-off"), rate(ingest, "full"),
                ingest.get("fullOverBaseline"), ingest.get("fullOverRulesOff"), results.get("subjects"),
                ((Map<?, ?>) ingest.get("full")).get("readyOnFreshDatabaseSeconds") + " / " + results.get("readyAfterRestartSeconds"),
                worstSearchP99, p50(operations, "$simon-status"), p50(operations, "$endpoints"),
                soak.get("writeErrors") + "+" + soak.get("readErrors") + " in " + soak.get("minutes") + " min, "
                        + soak.get("liveHeapTrendMibPerMinute") + " MiB/min",
                afterLoad.get("heapUsedMib"), afterLoad.get("rssMib"),
                ((Map<?, ?>) results.get("afterSoak")).get("heapUsedMib"), ((Map<?, ?>) results.get("afterSoak")).get("rssMib"),
                ((Map<?, ?>) ingest.get("full")).get("errors"), ((Map<?, ?>) results.get("load")).get("errors"),
                ehr((Map<?, ?>) results.get("ehr")));
    }

    /** EHR ingest resources/s, chained-search p99 ms and seconds per Synthea bundle: baseline / rules-off / full. */
    private static String ehr(Map<?, ?> ehr) {
        Map<?, ?> baseline = (Map<?, ?>) ehr.get("baseline");
        Map<?, ?> rulesOff = (Map<?, ?>) ehr.get("rules-off");
        Map<?, ?> full = (Map<?, ?>) ehr.get("full");
        return String.format(Locale.ROOT, "%.0f / %.0f / %.0f res/s; p99 %.0f / %.0f / %.0f ms; Synthea %.2f / %.2f / %.2f s",
                EhrRatios.ingestRate(baseline), EhrRatios.ingestRate(rulesOff), EhrRatios.ingestRate(full),
                EhrRatios.chainedP99(baseline), EhrRatios.chainedP99(rulesOff), EhrRatios.chainedP99(full),
                EhrRatios.syntheaSeconds(baseline), EhrRatios.syntheaSeconds(rulesOff), EhrRatios.syntheaSeconds(full));
    }

    private static Object rate(Map<?, ?> ingest, String mode) {
        return ((Map<?, ?>) ingest.get(mode)).get("resourcesPerSecond");
    }

    private static double p50(Map<?, ?> operations, String name) {
        return ((Latencies) operations.get(name)).p50();
    }
}
