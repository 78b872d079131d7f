package org.isotox.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;

/**
 * The resource versions a server has written, by resource type, read from its database (HAPI's
 * {@code HFJ_RES_VER}): what the server stores for what the clients sent, audit records, derived
 * Observations, schedule Tasks and course summaries included.
 */
final class StoredWrites {

    private StoredWrites() {}

    static Map<String, Long> count(String jdbcUrl) {
        Map<String, Long> versions = new TreeMap<>();
        try (Connection connection = DriverManager.getConnection(jdbcUrl);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT res_type, count(*) FROM hfj_res_ver GROUP BY res_type")) {
            while (rows.next()) {
                versions.put(rows.getString(1), rows.getLong(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not count the stored versions", e);
        }
        return versions;
    }

    /** What was written between {@code before} and {@code after}, by type, types with no writes left out. */
    static Map<String, Long> since(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> written = new TreeMap<>();
        after.forEach((type, count) -> {
            long added = count - before.getOrDefault(type, 0L);
            if (added > 0) {
                written.put(type, added);
            }
        });
        return written;
    }
}
