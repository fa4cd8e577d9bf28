package io.aitrader.health;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import io.aitrader.config.ProcessSettings;
import io.aitrader.jobs.store.JobRepository;
import io.aitrader.platform.database.Database;
import io.aitrader.platform.database.Jdbc;
import io.aitrader.platform.database.Storage;
import io.aitrader.platform.database.StoreException;
import io.aitrader.prices.PriceRepository;
import io.aitrader.prices.PriceSummary;

/** Checks the database, the data directory, the price data and the worker for GET /health. */
@ApplicationScoped
public class HealthService {

    private final DataSource dataSource;
    private final ProcessSettings settings;
    private final PriceRepository prices;
    private final JobRepository jobs;
    private final Database database;

    HealthService(@Storage DataSource dataSource, ProcessSettings settings, PriceRepository prices, JobRepository jobs,
            Database database) {
        this.dataSource = dataSource;
        this.database = database;
        this.settings = settings;
        this.prices = prices;
        this.jobs = jobs;
    }

    public HealthReport check() {
        Path dataDir = settings.dataDir().toAbsolutePath().normalize();
        boolean databaseUp = databaseAnswers();
        boolean writable = writable(dataDir);
        HealthReport.PriceData priceData = null;
        HealthReport.Worker worker = new HealthReport.Worker("unknown", 0);
        if (databaseUp) {
            PriceSummary summary = prices.summary();
            priceData = new HealthReport.PriceData(summary.symbols(), str(summary.firstDate()),
                    str(summary.lastDate()), summary.source(), summary.synthetic());
            int active = jobs.listActive().size();
            worker = new HealthReport.Worker(active > 0 ? "busy" : "idle", active);
        }
        return new HealthReport(databaseUp && writable ? "healthy" : "unhealthy",
                Instant.now().truncatedTo(ChronoUnit.MILLIS).toString(),
                new HealthReport.Database(databaseUp ? "up" : "down", database.location()),
                new HealthReport.Storage(dataDir.toString(), writable, freeSpaceMb(dataDir)), priceData, worker);
    }

    public boolean databaseAnswers() {
        try {
            return Jdbc.withConnection(dataSource, "The database does not answer", conn -> {
                try (Statement st = conn.createStatement()) {
                    st.setQueryTimeout(2);
                    try (ResultSet rs = st.executeQuery("SELECT count(*) FROM jobs")) {
                        return rs.next();
                    }
                }
            });
        } catch (StoreException e) {
            return false;
        }
    }

    /** A real write, since permission bits say nothing about a read-only mount or a full disk. */
    private static boolean writable(Path dir) {
        try {
            Path probe = Files.createTempFile(dir, ".health", ".probe");
            Files.delete(probe);
            return true;
        } catch (IOException | SecurityException e) {
            return false;
        }
    }

    private static long freeSpaceMb(Path dir) {
        try {
            return Files.getFileStore(dir).getUsableSpace() / (1024 * 1024);
        } catch (IOException e) {
            return 0;
        }
    }

    private static String str(Object value) {
        return value == null ? null : value.toString();
    }
}
