package org.isotox.server;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the FHIR endpoint ({@code isotox.fhir.*}).
 *
 * @param serverName                     software name reported in the CapabilityStatement
 * @param serverVersion                  software version reported in the CapabilityStatement
 * @param serverAddress                  fixed public base URL (behind a proxy); empty: taken from each request
 * @param defaultPageSize                search page size when the client gives no {@code _count}
 * @param maxPageSize                    largest {@code _count} honoured
 * @param reuseCachedSearchResultsMillis how long HAPI may answer an identical search from its result cache;
 *                                       0 so that a client always sees what was just written (and no
 *                                       search looks for a cached one first)
 * @param maxRequestSize                 largest request body accepted (after gzip decompression)
 * @param maxSearchOffset                largest {@code _offset} of a search (the database skips that many rows)
 */
@ConfigurationProperties("isotox.fhir")
public record FhirServerProperties(
        @DefaultValue("Isotox FHIR Server") String serverName,
        @DefaultValue("development") String serverVersion,
        @DefaultValue("") String serverAddress,
        @DefaultValue("20") int defaultPageSize,
        @DefaultValue("500") int maxPageSize,
        @DefaultValue("0") long reuseCachedSearchResultsMillis,
        @DefaultValue("16MB") DataSize maxRequestSize,
        @DefaultValue("100000") int maxSearchOffset) {}
