package org.isotox.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Counts stored resource versions straight in the test PostgreSQL, beside the server. */
public final class DatabaseRows {

    private DatabaseRows() {}

    /**
     * Every stored resource version except AuditEvents, which the server writes for each request,
     * refused ones included.
     */
    public static long resourceVersions() {
        return single("SELECT count(*) FROM hfj_res_ver WHERE res_type <> 'AuditEvent'");
    }

    /** The search-index rows (token and string) of {@code resourceType}'s search parameter {@code code}. */
    public static long indexRows(String resourceType, String code) {
        String where = " WHERE res_type = '" + resourceType + "' AND sp_name = '" + code + "'";
        return single("SELECT (SELECT count(*) FROM hfj_spidx_token" + where + ") + (SELECT count(*) FROM hfj_spidx_string" + where + ")");
    }

    /** The single number {@code sql} selects. */
    private static long single(String sql) {
        try (Connection connection = DriverManager.getConnection(
                        EmbeddedPostgresDatabase.jdbcUrl(), EmbeddedPostgresDatabase.user(), "");
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not count rows: " + sql, e);
        }
    }
}
