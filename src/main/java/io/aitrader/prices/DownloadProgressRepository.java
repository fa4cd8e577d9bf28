package io.aitrader.prices;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import io.aitrader.platform.database.Jdbc;
import io.aitrader.platform.database.Storage;
import io.aitrader.platform.database.StoreException;
import io.quarkus.logging.Log;

/**
 * The download_progress table: a download run's counts, written by the instance downloading (one small UPDATE per
 * symbol) and read by any instance's status. Progress is for people watching: a write the database refuses is logged,
 * never a reason to stop the download.
 */
@ApplicationScoped
public class DownloadProgressRepository {

    static final String START = """
            INSERT INTO download_progress (run_id, symbols_total, symbols_done, symbols_failed, requests_per_minute,
                                           started_at, updated_at)
            VALUES (?, ?, 0, 0, ?, ?, ?)
            ON CONFLICT (run_id) DO UPDATE SET symbols_total = excluded.symbols_total, symbols_done = 0,
                symbols_failed = 0, requests_per_minute = excluded.requests_per_minute,
                started_at = excluded.started_at, updated_at = excluded.updated_at
            """;
    static final String DONE = """
            UPDATE download_progress SET symbols_done = symbols_done + 1, updated_at = ? WHERE run_id = ?
            """;
    static final String FAILED = """
            UPDATE download_progress SET symbols_failed = symbols_failed + 1, updated_at = ? WHERE run_id = ?
            """;
    static final String FIND = """
            SELECT symbols_total, symbols_done, symbols_failed, requests_per_minute, started_at
            FROM download_progress WHERE run_id = ?
            """;

    private final DataSource dataSource;

    DownloadProgressRepository(@Storage DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Records the run {@code runId} (a job's id) as it goes. */
    public DownloadListener listener(String runId) {
        return new DownloadListener() {
            @Override
            public void started(int symbols, int requestsPerMinute) {
                String now = now();
                write(START, runId, symbols, requestsPerMinute, now, now);
            }

            @Override
            public void finished(SymbolDownload outcome) {
                write(outcome.ok() ? DONE : FAILED, now(), runId);
            }

            @Override
            public void finished(DateDownload outcome) {
                write(outcome.ok() ? DONE : FAILED, now(), runId);
            }
        };
    }

    /** The run's progress now; empty before it started asking. */
    public Optional<DownloadProgress> findById(String runId) {
        return Jdbc.find(dataSource, "Could not read the download progress", FIND,
                rs -> DownloadProgress.of(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4),
                        Duration.between(Instant.parse(rs.getString(5)), Instant.now())),
                runId);
    }

    private void write(String sql, Object... params) {
        try {
            Jdbc.update(dataSource, "Download progress not recorded", sql, params);
        } catch (StoreException e) {
            Log.warnf("%s: %s", e.getMessage(), e.getCause().getMessage());
        }
    }

    private static String now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
    }
}
