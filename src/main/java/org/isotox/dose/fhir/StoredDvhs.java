package org.isotox.dose.fhir;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.SortOrderEnum;
import ca.uhn.fhir.rest.api.SortSpec;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Observation.ObservationComponentComponent;
import org.hl7.fhir.r4.model.Observation.ObservationStatus;
import org.hl7.fhir.r4.model.Quantity;
import org.isotox.dose.domain.DvhPoint;
import org.isotox.fhir.Canonicals;
import org.springframework.stereotype.Component;

/** The DVHs stored for a patient's plan: the latest current DVH Observation of each structure. */
@Component
class StoredDvhs {

    private static final String POINT_DOSE = Canonicals.structureDefinition("dvh-point-dose");

    private final DaoRegistry daoRegistry;

    StoredDvhs(DaoRegistry daoRegistry) {
        this.daoRegistry = daoRegistry;
    }

    List<DvhInput> of(String patient) {
        SearchParameterMap query = SearchParameterMap.newSynchronous()
                .add(Observation.SP_SUBJECT, new ReferenceParam(patient))
                .add(Observation.SP_CODE, new TokenParam(Canonicals.ISOTOX_CODES, "dvh"));
        query.setSort(new SortSpec("_lastUpdated", SortOrderEnum.DESC));
        Map<String, DvhInput> latest = new LinkedHashMap<>();
        daoRegistry.getResourceDao(Observation.class).search(query, new SystemRequestDetails()).getAllResources().stream()
                .map(Observation.class::cast)
                .filter(o -> o.getStatus() == ObservationStatus.FINAL
                        || o.getStatus() == ObservationStatus.AMENDED
                        || o.getStatus() == ObservationStatus.CORRECTED)
                .map(StoredDvhs::input)
                .flatMap(Optional::stream)
                .forEach(input -> latest.putIfAbsent(input.structure(), input));
        return List.copyOf(latest.values());
    }

    private static Optional<DvhInput> input(Observation observation) {
        Optional<Coding> structure = observation.getBodySite().getCoding().stream()
                .filter(c -> IsotoxicRulesReader.TG263.equals(c.getSystem()))
                .findFirst();
        if (structure.isEmpty()) {
            return Optional.empty();
        }
        String path = "Observation/" + observation.getIdElement().getIdPart();
        double referenceDose = Double.NaN;
        OptionalDouble dmax = OptionalDouble.empty();
        OptionalDouble dmean = OptionalDouble.empty();
        List<DvhPoint> points = new ArrayList<>();
        List<String> pointPaths = new ArrayList<>();
        List<ObservationComponentComponent> components = observation.getComponent();
        for (int i = 0; i < components.size(); i++) {
            ObservationComponentComponent component = components.get(i);
            String componentPath = path + ".component[" + i + "]";
            Coding code = component.getCode().getCodingFirstRep();
            if (!(component.getValue() instanceof Quantity value)) {
                continue;
            }
            switch (code.getCode()) {
                case "reference-dose" -> referenceDose = InlineDvhReader.gray(value, componentPath);
                case "Dmax" -> dmax = OptionalDouble.of(InlineDvhReader.gray(value, componentPath));
                case "Dmean" -> dmean = OptionalDouble.of(InlineDvhReader.gray(value, componentPath));
                case "dvh-point" -> {
                    Extension dose = component.getExtensionByUrl(POINT_DOSE);
                    if (dose != null && dose.getValue() instanceof Quantity doseQuantity) {
                        points.add(new DvhPoint(
                                InlineDvhReader.gray(doseQuantity, componentPath), value.getValue().doubleValue()));
                        pointPaths.add(componentPath);
                    }
                }
                default -> { }
            }
        }
        return Optional.of(new DvhInput(
                structure.get().getCode(), referenceDose, points, dmax, dmean, path, pointPaths));
    }
}
