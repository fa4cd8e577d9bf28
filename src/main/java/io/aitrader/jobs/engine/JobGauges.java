package io.aitrader.jobs.engine;

import javax.sql.DataSource;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.aitrader.jobs.store.JobStatus;
import io.aitrader.platform.database.Jdbc;
import io.aitrader.platform.database.StartupOrder;
import io.aitrader.platform.database.Storage;
import io.aitrader.platform.database.StoreException;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;

/**
 * Gauges read from the database at scrape time, so they hold for every instance sharing it: active jobs, and the
 * model-days of active jobs that are running or queued (pending). One query serves all three, at most once a second.
 */
@ApplicationScoped
public class JobGauges {

    static final String COUNTS = """
            SELECT (SELECT count(*) FROM jobs WHERE status IN %1$s),
                   count(CASE WHEN d.status = 'running' THEN 1 END),
                   count(CASE WHEN d.status = 'pending' THEN 1 END)
            FROM jobs j JOIN job_details d ON d.job_id = j.job_id
            WHERE j.status IN %1$s AND d.status IN ('pending', 'running')
            """.formatted(JobStatus.ACTIVE_SQL);
    private static final long MAX_AGE_NANOS = 1_000_000_000L;

    private final DataSource dataSource;
    private volatile double[] counts = {Double.NaN, Double.NaN, Double.NaN};
    private volatile long readAt;

    JobGauges(@Storage DataSource dataSource) {
        this.dataSource = dataSource;
    }

    void register(@Observes @Priority(StartupOrder.GAUGES) StartupEvent event, MeterRegistry registry) {
        Gauge.builder("aitrader.jobs.active", this, g -> g.read(0)).description("Jobs pending, downloading or running")
                .register(registry);
        Gauge.builder("aitrader.model.days.running", this, g -> g.read(1))
                .description("Model-days running now").register(registry);
        Gauge.builder("aitrader.model.days.queued", this, g -> g.read(2))
                .description("Model-days of active jobs waiting to run").register(registry);
    }

    private double read(int index) {
        long now = System.nanoTime();
        if (readAt == 0 || now - readAt > MAX_AGE_NANOS) {
            refresh();
            readAt = now;
        }
        return counts[index];
    }

    private void refresh() {
        try {
            counts = Jdbc.find(dataSource, "Could not count jobs", COUNTS,
                    rs -> new double[]{rs.getLong(1), rs.getLong(2), rs.getLong(3)}).orElseThrow();
        } catch (StoreException e) {
            counts = new double[]{Double.NaN, Double.NaN, Double.NaN};
        }
    }
}
