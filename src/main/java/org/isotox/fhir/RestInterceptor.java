package org.isotox.fhir;

/**
 * Marks a bean whose hooks are on server pointcuts ({@code SERVER_...}): the FHIR endpoint
 * registers every such bean on its RestfulServer. Storage hooks need no marker: any
 * {@code @Interceptor} bean is registered on the JPA interceptor service.
 */
public interface RestInterceptor {}
