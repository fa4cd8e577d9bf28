package io.aitrader.platform.database;

/**
 * The order of the start-up observers ({@code @Priority} on {@code StartupEvent}; lower runs first), in one place:
 * the config check, the database's migrations, then the features that need the database.
 */
public final class StartupOrder {

    /** Migrations (platform.DatabaseSetup): the directory and schema every store needs. */
    public static final int DATABASE = 10;
    /** The default config is checked before anything is migrated. */
    public static final int CONFIG_CHECK = DATABASE - 5;
    /** The price folder scan and the offline sample. */
    public static final int PRICES = DATABASE + 10;
    /** Gauges that read the job store. */
    public static final int GAUGES = DATABASE + 50;
    /** The engine, last: it claims work from a ready database with prices in place. */
    public static final int ENGINE = DATABASE + 100;

    private StartupOrder() {
    }
}
