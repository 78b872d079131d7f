package org.isotox.server;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How much of the server one request may take ({@code isotox.limits.*}); each refusal names its setting.
 *
 * @param searchParameters          search parameters (AND clauses) in one search
 * @param searchValuesPerParameter  values of one parameter (its comma-separated OR list)
 * @param searchChainDepth          links of one chained parameter ({@code subject.organization.name} is 2)
 * @param searchIterations          {@code _include:iterate} and {@code _revinclude:iterate} in one search
 * @param includesPerPage           resources {@code _include}/{@code _revinclude} may add to one page
 * @param bundleEntries             entries of one transaction or batch Bundle
 * @param heavyRequests             searches, histories, transactions, batches and operations run at once;
 *                                  0: twice the processors
 * @param heavyRequestWait          how long a heavy request waits for its turn before 503
 * @param requestDeadline           how long the database transactions of one request may run in all
 * @param statementTimeout          PostgreSQL's {@code statement_timeout} (its units: ms, s, min), set on
 *                                  each connection by the postgres profile
 * @param bodyReadTimeout           how long a client may take to send a whole request body
 * @param bodyStall                 how long a request body may send nothing before the read gives up
 * @param uploads                   requests reading a body at once, so slow senders leave workers free
 */
@ConfigurationProperties("isotox.limits")
public record LimitsProperties(
        @DefaultValue("50") int searchParameters,
        @DefaultValue("100") int searchValuesPerParameter,
        @DefaultValue("3") int searchChainDepth,
        @DefaultValue("3") int searchIterations,
        @DefaultValue("1000") int includesPerPage,
        @DefaultValue("10000") int bundleEntries,
        @DefaultValue("0") int heavyRequests,
        @DefaultValue("5s") Duration heavyRequestWait,
        @DefaultValue("60s") Duration requestDeadline,
        @DefaultValue("60s") String statementTimeout,
        @DefaultValue("60s") Duration bodyReadTimeout,
        @DefaultValue("20s") Duration bodyStall,
        @DefaultValue("100") int uploads) {

    static final String PREFIX = "isotox.limits.";

    int heavyRequestPermits() {
        return heavyRequests > 0 ? heavyRequests : 2 * Runtime.getRuntime().availableProcessors();
    }

    /** The sentence a refusal ends with: the setting's full name and its value. */
    static String named(String setting, Object value) {
        Object shown = value instanceof Duration duration ? duration.toMillis() + "ms" : value;
        return " (limit " + PREFIX + setting + " = " + shown + ")";
    }
}
