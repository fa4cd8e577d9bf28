package io.aitrader.prices;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import io.aitrader.config.DatabaseUrlSource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Runs the application under test against a price provider's stand-in (its key set, a budget that never waits), on
 * a store of its own that starts empty (a fresh data directory; on the PostgreSQL run, a fresh database); injects the
 * stand-in into the test's field of its type.
 */
public abstract class ProviderStandIn<T extends AutoCloseable> implements QuarkusTestResourceLifecycleManager {

    private final Path dataDir;
    private T standIn;
    private String database;

    protected ProviderStandIn(Path dataDir) {
        this.dataDir = dataDir;
    }

    /** Starts the stand-in. */
    protected abstract T startStandIn() throws IOException;

    /** The settings that point the application at {@code standIn}. */
    protected abstract Map<String, String> providerConfig(T standIn);

    @Override
    public Map<String, String> start() {
        deleteDataDir();
        try {
            standIn = startStandIn();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // both forms: %test.-prefixed keys in application.properties win over plain overrides
        Map<String, String> config = new HashMap<>(Map.of("app.data-dir", dataDir.toString(), "%test.app.data-dir",
                dataDir.toString()));
        config.putAll(providerConfig(standIn));
        String shared = System.getenv("DATABASE_URL");
        if (shared != null && !shared.isBlank()) {
            database = "aitrader_downloads_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            admin(shared, "CREATE DATABASE " + database);
            URI uri = URI.create(shared);
            String[] user = uri.getUserInfo().split(":", 2);
            // the datasource's own keys: DATABASE_URL (an environment variable) would win over app.database-url
            config.put("quarkus.datasource.\"postgresql\".jdbc.url",
                    DatabaseUrlSource.jdbcUrl(uri.getScheme() + "://" + uri.getRawAuthority() + "/" + database));
            config.put("quarkus.datasource.\"postgresql\".username", user[0]);
            config.put("quarkus.datasource.\"postgresql\".password", user.length > 1 ? user[1] : "");
        }
        return config;
    }

    /** Runs one statement on the shared PostgreSQL test database (whose role may create databases). */
    private static void admin(String url, String sql) {
        URI uri = URI.create(url);
        String[] user = uri.getUserInfo().split(":", 2);
        try (Connection conn = DriverManager.getConnection(DatabaseUrlSource.jdbcUrl(url), user[0],
                user.length > 1 ? user[1] : null); Statement st = conn.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL test database: " + e.getMessage(), e);
        }
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(standIn, new TestInjector.MatchesType(standIn.getClass()));
    }

    @Override
    public void stop() {
        try {
            standIn.close();
        } catch (Exception e) {
            throw new IllegalStateException("stopping the stand-in: " + e.getMessage(), e);
        }
        if (database != null) {
            admin(System.getenv("DATABASE_URL"), "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    private void deleteDataDir() {
        if (!Files.exists(dataDir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
