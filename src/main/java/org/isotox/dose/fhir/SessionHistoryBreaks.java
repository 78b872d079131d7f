package org.isotox.dose.fhir;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.UnsignedIntType;
import org.isotox.dose.domain.DeliverySummary;
import org.isotox.dose.domain.InterruptionRule;
import org.isotox.dose.domain.SessionCountUpdates;
import org.isotox.fhir.BundlePages;
import org.isotox.fhir.Canonicals;
import org.isotox.fhir.FhirDates;
import org.isotox.toxicity.domain.RadiotherapyInterruption;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The breaks of a course whose records their writer updates in place after each fraction, read from their
 * versions: the summary's own ({@code mcode-radiotherapy-sessions} and the period's end move on), or, while the
 * summary counts no sessions, those of its CodeX Radiation Therapy treated phases ({@code partOf} the summary,
 * SNOMED CT 1222565005, {@code codexrt-radiotherapy-fractions-delivered} and the period's end). Computed once per
 * set of versions.
 */
@Component
class SessionHistoryBreaks {

    static final String SESSIONS = "http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-radiotherapy-sessions";
    static final String PHASE_FRACTIONS = "http://hl7.org/fhir/us/codex-radiation-therapy/StructureDefinition/codexrt-radiotherapy-fractions-delivered";
    private static final String TRIAL_FRACTIONS = Canonicals.structureDefinition("fractions-delivered");
    static final TokenParam TREATED_PHASE = new TokenParam("http://snomed.info/sct", "1222565005");
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

    /** The breaks between the sessions the versions reveal; none when neither the summary nor a treated phase counts them. */
    List<RadiotherapyInterruption> of(Procedure summary) {
        if (!summary.getIdElement().hasIdPart() || summary.getExtensionByUrl(TRIAL_FRACTIONS) != null) {
            return List.of(); // the trial's own summary states its breaks in its extensions
        }
        List<Procedure> counted = summary.getExtensionByUrl(SESSIONS) != null ? List.of(summary) : treatedPhases(summary);
        String key = counted.stream().map(SessionHistoryBreaks::versionKey).collect(Collectors.joining(","));
        if (counted.isEmpty() || key.contains("null")) {
            return read(counted);
        }
        return byVersion.computeIfAbsent(key, k -> read(counted));
    }

    private static String versionKey(Procedure record) {
        String version = record.getIdElement().hasVersionIdPart() ? record.getIdElement().getVersionIdPart() : record.getMeta().getVersionId();
        return record.getIdElement().getIdPart() + "/" + version;
    }

    private List<Procedure> treatedPhases(Procedure summary) {
        SearchParameterMap query = SearchParameterMap.newSynchronous()
                .add(Procedure.SP_PART_OF, new ReferenceParam(summary.getIdElement().toUnqualifiedVersionless().getValue()))
                .add(Procedure.SP_CODE, TREATED_PHASE);
        return daoRegistry.getResourceDao(Procedure.class).search(query, new SystemRequestDetails()).getAllResources().stream()
                .map(Procedure.class::cast)
                .filter(phase -> phase.getStatus() != Procedure.ProcedureStatus.ENTEREDINERROR)
                .sorted(Comparator.comparing(phase -> phase.getIdElement().getIdPart()))
                .toList();
    }

    /** Each record's session days (a phase's fractions are its own), merged in date order. */
    private List<RadiotherapyInterruption> read(List<Procedure> records) {
        List<LocalDate> days = records.stream()
                .flatMap(record -> SessionCountUpdates.sessionDays(updates(record)).stream())
                .sorted()
                .toList();
        return DeliverySummary.interruptionsBetween(days, routine).stream()
                .map(gap -> new RadiotherapyInterruption(
                        gap.lastFractionBefore(), gap.resumedOn(), Math.toIntExact(gap.gapDays()), Optional.empty()))
                .toList();
    }

    private List<SessionCountUpdates.Update> updates(Procedure record) {
        String count = record.getExtensionByUrl(SESSIONS) != null ? SESSIONS : PHASE_FRACTIONS;
        return BundlePages.all(daoRegistry.getResourceDao(Procedure.class)
                        .history(record.getIdElement().toUnqualifiedVersionless(), null, null, null, new SystemRequestDetails()))
                .stream()
                .map(Procedure.class::cast)
                .sorted(Comparator.comparingLong(p -> p.getIdElement().getVersionIdPartAsLong()))
                .map(version -> update(version, count))
                .flatMap(Optional::stream)
                .toList();
    }

    private static Optional<SessionCountUpdates.Update> update(Procedure version, String count) {
        Extension sessions = version.getExtensionByUrl(count);
        if (sessions == null || !(sessions.getValue() instanceof UnsignedIntType delivered) || !version.hasPerformedPeriod()) {
            return Optional.empty();
        }
        return FhirDates.dayOf(version.getPerformedPeriod().getEndElement())
                .map(last -> new SessionCountUpdates.Update(delivered.getValue(), last));
    }
}
