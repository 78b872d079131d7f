package org.isotox.fhir;

/** The canonical URLs of the Isotox definitions, in one place. */
public final class Canonicals {

    public static final String BASE = "https://isotox.org/fhir";
    public static final String ISOTOX_CODES = BASE + "/CodeSystem/isotox";
    public static final String NCIT = "http://ncicb.nci.nih.gov/xml/owl/EVS/Thesaurus.owl";

    private Canonicals() {}

    /** {@code https://isotox.org/fhir/StructureDefinition/<id>}: a profile or extension. */
    public static String structureDefinition(String id) {
        return BASE + "/StructureDefinition/" + id;
    }
}
