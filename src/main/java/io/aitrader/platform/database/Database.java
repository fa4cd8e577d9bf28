package io.aitrader.platform.database;

import java.nio.file.Path;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Default;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.InjectableInstance;

/**
 * Which database this instance uses: the embedded SQLite by default, or a PostgreSQL shared by several instances
 * when DATABASE_URL is set (contract 7). Only the active datasource is ever touched: an inactive one fails when used.
 */
@Singleton
public class Database {

    /** The named datasource PostgreSQL runs on (SQLite is the default one). */
    public static final String POSTGRESQL_DATASOURCE = "postgresql";

    private final boolean postgres;
    private final String location;

    Database(
            @ConfigProperty(name = "quarkus.datasource.\"postgresql\".active", defaultValue = "false") boolean postgres,
            @ConfigProperty(name = "quarkus.datasource.\"postgresql\".jdbc.url") Optional<String> postgresUrl,
            @ConfigProperty(name = "app.data-dir") Path dataDir) {
        this.postgres = postgres;
        this.location = postgres
                ? withoutQuery(postgresUrl.orElse("jdbc:postgresql:"))
                : dataDir.toAbsolutePath().normalize().resolve("jobs.db").toString();
    }

    /** Where the data lives, safe to show and log: the SQLite file, or the PostgreSQL URL without its parameters. */
    public String location() {
        return location;
    }

    private static String withoutQuery(String jdbcUrl) {
        int query = jdbcUrl.indexOf('?');
        return query < 0 ? jdbcUrl : jdbcUrl.substring(0, query);
    }

    /** True on PostgreSQL: several instances may share the database and claim work from it. */
    public boolean postgres() {
        return postgres;
    }

    /** Appended to a SELECT that must lock the rows it reads until commit (SQLite locks the whole database). */
    public String forUpdate() {
        return postgres ? " FOR UPDATE" : "";
    }

    /**
     * Appended to a SELECT that claims rows: PostgreSQL locks them and lets concurrent claimers pass over them; SQLite
     * needs nothing (its IMMEDIATE transactions take the write lock first, so claims queue).
     */
    public String claimLock(String table) {
        return postgres ? " FOR UPDATE OF " + table + " SKIP LOCKED" : "";
    }

    /**
     * A SELECT of the database's time, in the 24-character UTC form every stored time has: leases, take-overs and
     * the watchdog compare times from this one clock, never from the instances' own clocks.
     */
    public String nowQuery() {
        return postgres
                ? "SELECT to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')"
                : "SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now')";
    }

    public String kind() {
        return postgres ? "PostgreSQL" : "SQLite";
    }

    @Produces
    @Singleton
    @Storage
    DataSource storage(@Any InjectableInstance<AgroalDataSource> sources) {
        return postgres
                ? sources.select(new io.quarkus.agroal.DataSource.DataSourceLiteral(POSTGRESQL_DATASOURCE))
                        .get()
                : sources.select(Default.Literal.INSTANCE).get();
    }
}
