package org.isotox.fhir;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirResourceDao;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.api.server.storage.TransactionDetails;
import ca.uhn.fhir.rest.param.TokenParam;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Observation;
import org.springframework.stereotype.Component;

/**
 * Observations the server derives from what clients write (a time-point response from lesion
 * measurements, scale scores from a questionnaire response). Each is stored under an id computed
 * from what it is derived from, so that a recomputation updates it instead of adding another, and
 * carries a tag that tells it from client-written Observations of the same code. An unchanged
 * recomputation writes nothing.
 */
@Component
public class DerivedObservations {

    public static final String TAG_CODE = "server-derived";

    private final DaoRegistry daoRegistry;
    private final StoredIds storedIds;

    DerivedObservations(DaoRegistry daoRegistry, StoredIds storedIds) {
        this.daoRegistry = daoRegistry;
        this.storedIds = storedIds;
    }

    /** The id of the derived Observation identified by {@code key}: the same key, the same id. */
    public static String idFor(String kind, String... key) {
        String name = kind + "|" + String.join("|", key);
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }

    /**
     * Makes the derived Observations matching {@code existing} exactly {@code wanted}: each wanted
     * one (its id set with {@link #idFor}) is created or updated, every other tagged one that
     * {@code existing} finds is deleted.
     */
    public void replace(SearchParameterMap existing, List<Observation> wanted) {
        List<Observation> stored = stored(existing);
        write(wanted, stored);
        removeAllBut(stored, wanted);
    }

    /** The derived (tagged) Observations that {@code existing} finds. */
    public List<Observation> stored(SearchParameterMap existing) {
        existing.setLoadSynchronous(true);
        existing.add("_tag", new TokenParam(Canonicals.ISOTOX_CODES, TAG_CODE));
        return daoRegistry.getResourceDao(Observation.class).search(existing, new SystemRequestDetails()).getAllResources().stream()
                .map(Observation.class::cast)
                .toList();
    }

    /**
     * Creates or updates each of {@code wanted} (its id set with {@link #idFor}) that {@code stored} does not
     * hold as it is: an unchanged recomputation costs no write at all.
     */
    public void write(List<Observation> wanted, List<Observation> stored) {
        Map<String, Observation> storedById = new HashMap<>();
        stored.forEach(observation -> storedById.put(observation.getIdElement().getIdPart(), observation));
        List<Observation> changed = wanted.stream()
                .filter(observation -> {
                    Observation current = storedById.get(observation.getIdElement().getIdPart());
                    return current == null || !StoredContent.same(current, observation);
                })
                .toList();
        IFhirResourceDao<Observation> dao = daoRegistry.getResourceDao(Observation.class);
        TransactionDetails writes = new TransactionDetails();
        storedIds.resolve(changed.stream().<IIdType>map(o -> o.getIdElement().withResourceType("Observation")).toList(), writes);
        for (Observation observation : changed) {
            observation.getMeta().addTag(tag());
            dao.update(observation, null, true, false, DerivedWrites.request(), writes);
        }
    }

    /** Deletes each of {@code stored} (derived Observations) that is not one of {@code kept}. */
    public void removeAllBut(List<Observation> stored, List<Observation> kept) {
        IFhirResourceDao<Observation> dao = daoRegistry.getResourceDao(Observation.class);
        Set<String> keptIds = new HashSet<>();
        kept.forEach(observation -> keptIds.add(observation.getIdElement().getIdPart()));
        for (Observation found : stored) {
            if (!keptIds.contains(found.getIdElement().getIdPart())) {
                dao.delete(found.getIdElement().toUnqualifiedVersionless(), DerivedWrites.request());
            }
        }
    }

    private static Coding tag() {
        return new Coding(Canonicals.ISOTOX_CODES, TAG_CODE, "Derived by the server");
    }
}
