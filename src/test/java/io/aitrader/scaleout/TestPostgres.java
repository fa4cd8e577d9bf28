package io.aitrader.scaleout;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;

import io.aitrader.config.DatabaseUrlSource;
import io.aitrader.testing.Await;

/**
 * The PostgreSQL server the scale-out tests use: TEST_DATABASE_URL ({@code postgres://user:password@host/db}, set by
 * .ci/run, whose role may create databases). Each test gets a database of its own, dropped afterwards.
 */
final class TestPostgres implements AutoCloseable {

    private final URI admin;
    private final String name;

    private TestPostgres(URI admin, String name) {
        this.admin = admin;
        this.name = name;
    }

    static String adminUrl() {
        String url = System.getenv("TEST_DATABASE_URL");
        if (url == null || url.isBlank()) {
            throw new IllegalStateException("TEST_DATABASE_URL is not set (see .ci/run)");
        }
        return url;
    }

    /** A new empty database on the test server. */
    static TestPostgres createDatabase() throws SQLException {
        URI admin = URI.create(adminUrl());
        String name = "aitrader_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection conn = connect(admin, admin.getPath().substring(1)); Statement st = conn.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        }
        return new TestPostgres(admin, name);
    }

    /** DATABASE_URL for the instances. */
    String url() {
        return admin.getScheme() + "://" + admin.getRawAuthority() + "/" + name;
    }

    Connection connect() throws SQLException {
        return connect(admin, name);
    }

    private static Connection connect(URI admin, String database) throws SQLException {
        String[] user = admin.getUserInfo().split(":", 2);
        String jdbc = DatabaseUrlSource.jdbcUrl(admin.getScheme() + "://" + admin.getRawAuthority() + "/" + database);
        return DriverManager.getConnection(jdbc, user[0], user.length > 1 ? user[1] : null);
    }

    /**
     * Drops the database. FORCE ends the instances' leftover sessions, but PostgreSQL refuses it while an autovacuum
     * worker (not this role's process) works on the database, which the engine's updates make likely: then again a
     * moment later.
     */
    @Override
    public void close() {
        Await.until(Duration.ofSeconds(10), Duration.ofSeconds(1), this::drop, refusal -> refusal == null,
                "database " + name + " to be dropped");
    }

    /** Drops the database; what PostgreSQL refused, or null when it is gone. */
    private SQLException drop() {
        try (Connection conn = connect(admin, admin.getPath().substring(1)); Statement st = conn.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            return null;
        } catch (SQLException e) {
            return e;
        }
    }
}
