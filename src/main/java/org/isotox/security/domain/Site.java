package org.isotox.security.domain;

/**
 * A trial site as tokens and labels name it.
 *
 * @param code         its code (identifier value under {@code https://isotox.org/fhir/sid/site}), as in the
 *                     token's {@code isotox_site} claim and in the ownership label of its data
 * @param organization its Organization ({@code Organization/{id}})
 */
public record Site(String code, String organization) {}
