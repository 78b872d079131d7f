package org.isotox.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import java.math.BigDecimal;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;

/**
 * What the server derives is compared with what it stored before writing it again: the comparison must see
 * a stored copy (read back from its JSON, with the server's id, version, tags and labels) as the same
 * content, or every recomputation would write again; and any change of content as a change.
 */
class StoredContentTest {

    private static final IParser JSON = FhirContext.forR4Cached().newJsonParser();

    @Test
    void aDerivedObservationReadBackFromStorageIsTheSameContent() {
        Observation wanted = derived(new BigDecimal("45.5"));
        Observation stored = JSON.parseResource(Observation.class, JSON.encodeResourceToString(derived(new BigDecimal("45.5"))));
        stored.setId("Observation/" + wanted.getIdElement().getIdPart() + "/_history/3");
        stored.getMeta().setLastUpdatedElement(new InstantType("2026-12-06T10:00:00Z"))
                .addTag(new Coding(Canonicals.ISOTOX_CODES, DerivedObservations.TAG_CODE, "Derived by the server"))
                .addSecurity(new Coding("https://isotox.org/fhir/CodeSystem/site", "hmu2", null));

        assertThat(StoredContent.same(stored, wanted)).isTrue();
    }

    @Test
    void aChangedValueIsAChange() {
        Observation stored = JSON.parseResource(Observation.class, JSON.encodeResourceToString(derived(new BigDecimal("45.5"))));

        assertThat(StoredContent.same(stored, derived(new BigDecimal("45.4")))).isFalse();
        Observation anotherSource = derived(new BigDecimal("45.5"));
        anotherSource.addDerivedFrom(new Reference("Observation/lesion-3"));
        assertThat(StoredContent.same(stored, anotherSource)).isFalse();
    }

    private static Observation derived(BigDecimal sum) {
        Observation observation = new Observation().setStatus(Observation.ObservationStatus.FINAL);
        observation.setId(DerivedObservations.idFor("recist-timepoint-response", "Patient/p1", "2026-03-18"));
        observation.getMeta().addProfile(Canonicals.structureDefinition("isotox-recist-timepoint-response"));
        observation.getCode().addCoding(new Coding(Canonicals.ISOTOX_CODES, "recist-timepoint-response", null));
        observation.setSubject(new Reference("Patient/p1"));
        observation.setEffective(new DateTimeType("2026-03-18"));
        observation.setValue(new CodeableConcept().addCoding(new Coding(Canonicals.ISOTOX_CODES, "PR", null)));
        observation.addDerivedFrom(new Reference("Observation/lesion-1")).addDerivedFrom(new Reference("Observation/lesion-2"));
        observation.addComponent().setCode(new CodeableConcept().addCoding(new Coding(Canonicals.ISOTOX_CODES, "recist-sum-of-diameters", null)))
                .setValue(new Quantity().setValue(sum).setUnit("mm").setSystem("http://unitsofmeasure.org").setCode("mm"));
        observation.addComponent().setCode(new CodeableConcept().addCoding(new Coding(Canonicals.ISOTOX_CODES, "recist-new-lesion", null)))
                .setValue(new BooleanType(false));
        return observation;
    }
}
