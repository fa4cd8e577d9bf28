package io.aitrader.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

class DatabaseUrlSourceTest {

    private static final String PG = "quarkus.datasource.\"postgresql\".";

    @Test
    void withoutAnyUrlSqliteIsActiveAndPostgresqlIsNot() {
        SmallRyeConfig config = config(Map.of());
        assertTrue(config.getValue("quarkus.datasource.active", Boolean.class));
        assertFalse(config.getValue(PG + "active", Boolean.class));
        assertEquals(Optional.empty(), config.getOptionalValue(PG + "jdbc.url", String.class));
    }

    @Test
    void aPostgresUriBecomesTheJdbcUrlAndCredentials() {
        SmallRyeConfig config = config(Map.of("app.database-url",
                "postgres://trader:s%40cret@db.internal:6543/aitrader?sslmode=disable"));
        assertFalse(config.getValue("quarkus.datasource.active", Boolean.class));
        assertTrue(config.getValue(PG + "active", Boolean.class));
        assertEquals("jdbc:postgresql://db.internal:6543/aitrader?sslmode=disable",
                config.getValue(PG + "jdbc.url", String.class));
        assertEquals("trader", config.getValue(PG + "username", String.class));
        assertEquals("s@cret", config.getValue(PG + "password", String.class));
    }

    @Test
    void aJdbcUrlIsUsedAsItIsWithCredentialsFromTheirOwnProperties() {
        SmallRyeConfig config = config(Map.of("app.database-url", "jdbc:postgresql://localhost/aitrader",
                PG + "username", "u", PG + "password", "p"));
        assertEquals("jdbc:postgresql://localhost/aitrader", config.getValue(PG + "jdbc.url", String.class));
        assertEquals("u", config.getValue(PG + "username", String.class));
        assertEquals("p", config.getValue(PG + "password", String.class));
    }

    @Test
    void theDatasourcesOwnUrlAlsoSwitchesToPostgresql() {
        SmallRyeConfig config = config(Map.of(PG + "jdbc.url", "jdbc:postgresql://localhost/x"));
        assertFalse(config.getValue("quarkus.datasource.active", Boolean.class));
        assertTrue(config.getValue(PG + "active", Boolean.class));
    }

    @Test
    void theEnvironmentFormWithoutQuotesAlsoSwitchesToPostgresql() {
        SmallRyeConfig config = config(Map.of("quarkus.datasource.postgresql.jdbc.url", "jdbc:postgresql://h/x",
                "quarkus.datasource.postgresql.username", "u", "quarkus.datasource.postgresql.password", "p"));
        assertTrue(config.getValue(PG + "active", Boolean.class));
        assertFalse(config.getValue("quarkus.datasource.active", Boolean.class));
        assertEquals("jdbc:postgresql://h/x", config.getValue(PG + "jdbc.url", String.class));
        assertEquals("u", config.getValue(PG + "username", String.class));
        assertEquals("p", config.getValue(PG + "password", String.class));
    }

    @Test
    void aMalformedUrlStopsTheStartWithoutEchoingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> config(Map.of("app.database-url", "mysql://root:hunter2@host/db"))
                        .getValue(PG + "jdbc.url", String.class));
        assertFalse(e.getMessage().contains("hunter2"));
        assertThrows(IllegalArgumentException.class,
                () -> config(Map.of("app.database-url", "jdbc:mysql://host/db")).getValue(PG + "active",
                        Boolean.class));
    }

    private static SmallRyeConfig config(Map<String, String> properties) {
        return new SmallRyeConfigBuilder().withSources(new DatabaseUrlSource())
                .withSources(new PropertiesConfigSource(properties, "test", 100)).build();
    }
}
