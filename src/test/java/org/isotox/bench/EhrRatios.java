package org.isotox.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/** The EHR workload's targets as ratios of one run: ingest rate, chained-search p99 and seconds per Synthea bundle. */
final class EhrRatios {

    private EhrRatios() {}

    static Map<String, Object> of(Map<String, Object> ehr) {
        Map<String, Object> ratios = new LinkedHashMap<>();
        for (String mode : new String[] {"rules-off", "full"}) {
            Map<?, ?> measured = (Map<?, ?>) ehr.get(mode);
            Map<?, ?> baseline = (Map<?, ?>) ehr.get("baseline");
            ratios.put(mode + "/baseline ingest", ratio(ingestRate(measured), ingestRate(baseline)));
            ratios.put(mode + "/baseline chained p99", ratio(chainedP99(measured), chainedP99(baseline)));
            ratios.put(mode + "/baseline Synthea s per bundle", ratio(syntheaSeconds(measured), syntheaSeconds(baseline)));
            Map<?, ?> site = (Map<?, ?>) measured.get("site");
            if (site != null && site.containsKey("ingest")) {
                ratios.put(mode + "/baseline ingest by the site's EHR", ratio(ingestRate(site), ingestRate((Map<?, ?>) baseline.get("site"))));
                ratios.put(mode + " chained p99, site's investigator / coordinator",
                        ratio(((Latencies) site.get("chainedBySite")).p99(), ((Latencies) site.get("chainedByCoordinator")).p99()));
            }
        }
        return ratios;
    }

    static double ingestRate(Map<?, ?> mode) {
        return ((Number) ((Map<?, ?>) mode.get("ingest")).get("resourcesPerSecond")).doubleValue();
    }

    static double chainedP99(Map<?, ?> mode) {
        Latencies chained = (Latencies) mode.get("chainedSearch");
        return chained == null ? Double.NaN : chained.p99();
    }

    static double syntheaSeconds(Map<?, ?> mode) {
        return ((Number) ((Map<?, ?>) mode.get("synthea")).get("secondsPerBundle")).doubleValue();
    }

    private static double ratio(double a, double b) {
        return Math.round(100 * a / b) / 100.0;
    }
}
