package io.aitrader.config;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.aitrader.platform.database.Database;
import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;

/**
 * Chooses the database at run time: when DATABASE_URL ({@code app.database-url}) or the PostgreSQL datasource's own
 * URL is set, the named datasource {@code postgresql} is active and the default (SQLite) one is not; else the reverse.
 * DATABASE_URL may be a {@code postgres://user:password@host:5432/db} URI or a {@code jdbc:postgresql:} URL. The
 * derived properties sit just below environment variables and system properties, so those always win. Registered in
 * {@code META-INF/services/io.smallrye.config.ConfigSourceFactory}.
 */
public class DatabaseUrlSource implements ConfigSourceFactory {

    public static final String POSTGRESQL = Database.POSTGRESQL_DATASOURCE;
    static final String PG = "quarkus.datasource.\"postgresql\".";
    static final String PG_UNQUOTED = "quarkus.datasource.postgresql.";
    static final int ORDINAL = 275; // above application.properties (250), below environment variables (300)

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        return List.of(new PropertiesConfigSource(derive(context), "DATABASE_URL", ORDINAL));
    }

    static Map<String, String> derive(ConfigSourceContext context) {
        String databaseUrl = text(context.getValue("app.database-url"));
        if (databaseUrl == null || databaseUrl.startsWith("${")) {
            databaseUrl = text(context.getValue("DATABASE_URL"));
        }
        Map<String, String> derived = new HashMap<>();
        String ownUrl = text(context.getValue(PG + "jdbc.url"));
        if (ownUrl == null) {
            // QUARKUS_DATASOURCE_POSTGRESQL_JDBC_URL names the datasource without its quotes: copy it over
            ownUrl = text(context.getValue(PG_UNQUOTED + "jdbc.url"));
            if (ownUrl != null) {
                derived.put(PG + "jdbc.url", ownUrl);
                for (String credential : new String[]{"username", "password"}) {
                    String value = text(context.getValue(PG_UNQUOTED + credential));
                    if (value != null && text(context.getValue(PG + credential)) == null) {
                        derived.put(PG + credential, value);
                    }
                }
            }
        }
        String jdbcUrl = ownUrl != null ? ownUrl : jdbcUrl(databaseUrl);
        derived.put("quarkus.datasource.active", Boolean.toString(jdbcUrl == null));
        derived.put(PG + "active", Boolean.toString(jdbcUrl != null));
        if (ownUrl == null && jdbcUrl != null) {
            derived.put(PG + "jdbc.url", jdbcUrl);
            if (!databaseUrl.startsWith("jdbc:")) {
                String info = parse(databaseUrl).getRawUserInfo();
                if (info != null) {
                    String[] parts = info.split(":", 2);
                    derived.put(PG + "username", URLDecoder.decode(parts[0], StandardCharsets.UTF_8));
                    if (parts.length > 1) {
                        derived.put(PG + "password", URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
                    }
                }
            }
        }
        return derived;
    }

    /** {@code postgres://u:p@host:5432/db?x=y} → {@code jdbc:postgresql://host:5432/db?x=y}; jdbc URLs unchanged. */
    public static String jdbcUrl(String databaseUrl) {
        if (databaseUrl == null) {
            return null;
        }
        if (databaseUrl.startsWith("jdbc:")) {
            if (!databaseUrl.startsWith("jdbc:postgresql:")) {
                throw new IllegalArgumentException("DATABASE_URL must be a PostgreSQL URL (jdbc:postgresql:…)");
            }
            return databaseUrl;
        }
        URI uri = parse(databaseUrl);
        String authority = uri.getRawAuthority();
        String hostAndPort = authority.substring(authority.lastIndexOf('@') + 1);
        return "jdbc:postgresql://" + hostAndPort + (uri.getRawPath() == null ? "" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    private static URI parse(String databaseUrl) {
        URI uri;
        try {
            uri = URI.create(databaseUrl);
        } catch (IllegalArgumentException e) {
            uri = null;
        }
        if (uri == null || uri.getRawAuthority() == null
                || !("postgres".equals(uri.getScheme()) || "postgresql".equals(uri.getScheme()))) {
            // never echo the value: it may hold a password
            throw new IllegalArgumentException(
                    "DATABASE_URL must look like postgres://user:password@host:5432/database or jdbc:postgresql://…");
        }
        return uri;
    }

    private static String text(ConfigValue value) {
        return value == null || value.getValue() == null || value.getValue().isBlank() ? null : value.getValue();
    }
}
