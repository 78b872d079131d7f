package org.isotox.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the trial's forms ({@code isotox.forms.*}).
 *
 * @param clientId the public SMART client the forms sign in as (registered with the issuer, redirect URIs
 *                 {@code /enrolment/}, {@code /visit/}, {@code /recist/}, {@code /physics/} on this server)
 * @param scope    the scopes they ask for: they write, and name the signed-in practitioner
 */
@ConfigurationProperties("isotox.forms")
public record FormsProperties(
        @DefaultValue("isotox-forms") String clientId,
        @DefaultValue("openid fhirUser user/*.cruds") String scope) {}
