package org.isotox.dose.fhir;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.UnsignedIntType;
import org.isotox.dose.domain.DeliverySummary;
import org.isotox.dose.domain.InterruptionRule;
import org.isotox.dose.domain.SessionCountUpdates;
import org.isotox.fhir.BundlePages;
import org.isotox.fhir.FhirDates;
import org.isotox.toxicity.domain.RadiotherapyInterruption;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The breaks of a course whose summary its writer updates in place after each fraction (CodeX Radiation
 * Therapy: {@code mcode-radiotherapy-sessions} and the period's end move on), read from the summary's
 * versions. Computed once per summary version.
 */
@Component
class SessionHistoryBreaks {

    static final String SESSIONS = "http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-radiotherapy-sessions";
    private static final int REMEMBERED = 10_000;

    private final DaoRegistry daoRegistry;
    private final InterruptionRule routine;
    private final Map<String, List<RadiotherapyInterruption>> byVersion = Collections.synchronizedMap(
            new LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, List<RadiotherapyInterruption>> eldest) {
                    return size() > REMEMBERED;
                }
            });

    SessionHistoryBreaks(
            DaoRegistry daoRegistry, @Value("${isotox.delivery.longest-routine-gap-days:3}") int longestRoutineGapDays) {
        this.daoRegistry = daoRegistry;
        this.routine = new InterruptionRule(longestRoutineGapDays);
    }

    /** The breaks between the sessions the summary's versions reveal; none when it does not count sessions. */
    List<RadiotherapyInterruption> of(Procedure summary) {
        if (summary.getExtensionByUrl(SESSIONS) == null || !summary.getIdElement().hasIdPart()) {
            return List.of();
        }
        String version = summary.getIdElement().hasVersionIdPart() ? summary.getIdElement().getVersionIdPart() : summary.getMeta().getVersionId();
        if (version == null) {
            return read(summary);
        }
        String key = summary.getIdElement().getIdPart() + "/" + version;
        return byVersion.computeIfAbsent(key, k -> read(summary));
    }

    private List<RadiotherapyInterruption> read(Procedure summary) {
        List<SessionCountUpdates.Update> updates = BundlePages.all(daoRegistry.getResourceDao(Procedure.class)
                        .history(summary.getIdElement().toUnqualifiedVersionless(), null, null, null, new SystemRequestDetails()))
                .stream()
                .map(Procedure.class::cast)
                .sorted(Comparator.comparingLong(p -> p.getIdElement().getVersionIdPartAsLong()))
                .map(SessionHistoryBreaks::update)
                .flatMap(Optional::stream)
                .toList();
        return DeliverySummary.interruptionsBetween(SessionCountUpdates.sessionDays(updates), routine).stream()
                .map(gap -> new RadiotherapyInterruption(
                        gap.lastFractionBefore(), gap.resumedOn(), Math.toIntExact(gap.gapDays()), Optional.empty()))
                .toList();
    }

    private static Optional<SessionCountUpdates.Update> update(Procedure version) {
        if (!(version.getExtensionByUrl(SESSIONS) != null && version.getExtensionByUrl(SESSIONS).getValue() instanceof UnsignedIntType sessions)
                || !version.hasPerformedPeriod()) {
            return Optional.empty();
        }
        return FhirDates.dayOf(version.getPerformedPeriod().getEndElement())
                .map(last -> new SessionCountUpdates.Update(sessions.getValue(), last));
    }
}
