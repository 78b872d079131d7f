package org.isotox.server;

import ca.uhn.fhir.context.FhirContext;
import org.springframework.stereotype.Component;

/**
 * Keeps the version in the references where FHIR means a specific version: what a Provenance is
 * about (an approval holds for the version approved) and what an AuditEvent records. HAPI strips
 * reference versions everywhere else, as FHIR expects.
 */
@Component
class VersionedReferences {

    VersionedReferences(FhirContext fhirContext) {
        fhirContext.getParserOptions().setDontStripVersionsFromReferencesAtPaths("Provenance.target", "AuditEvent.entity.what");
    }
}
