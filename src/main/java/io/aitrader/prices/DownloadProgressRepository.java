package io.aitrader.prices;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import io.aitrader.platform.database.Storage;
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
        };
    }

    /** The run's progress now; empty before it started asking. */
    public Optional<DownloadProgress> find(String runId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(FIND)) {
            ps.setString(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Duration elapsed = Duration.between(Instant.parse(rs.getString(5)), Instant.now());
                return Optional.of(DownloadProgress.of(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4),
                        elapsed));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Price store failure: " + e.getMessage(), e);
        }
    }

    private void write(String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            ps.executeUpdate();
        } catch (SQLException e) {
            Log.warnf("Download progress not recorded: %s", e.getMessage());
        }
    }

    private static String now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
    }
}
