package org.isotox.fhir;

/**
 * Published when the profiles and terminology have been stored again and the server's validation
 * caches invalidated: whatever holds validator state built from the old definitions drops it.
 */
public record DefinitionsReloaded() {}
