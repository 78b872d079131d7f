package org.isotox.fhir;

/**
 * A Spring bean with HAPI {@code @Operation} methods. The FHIR endpoint registers every such bean,
 * so a capability adds its operations without touching the endpoint's configuration.
 */
public interface OperationProvider {}
