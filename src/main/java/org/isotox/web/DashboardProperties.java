package org.isotox.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the trial dashboard ({@code isotox.dashboard.*}).
 *
 * @param clientId the public SMART client the dashboard signs in as (registered with the issuer, redirect
 *                 URI {@code /dashboard/} on this server)
 * @param scope    the scopes it asks for: it only reads
 * @param study    the study shown when the page names none ({@code system|value} of its identifier)
 */
@ConfigurationProperties("isotox.dashboard")
public record DashboardProperties(
        @DefaultValue("isotox-dashboard") String clientId,
        @DefaultValue("openid user/*.rs") String scope,
        @DefaultValue("https://clinicaltrials.gov|NCT03606291") String study) {}
