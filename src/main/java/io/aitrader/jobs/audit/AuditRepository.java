package io.aitrader.jobs.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import io.aitrader.platform.database.Jdbc;
import io.aitrader.platform.database.Statements;
import io.aitrader.platform.database.Storage;

/**
 * The audit trail (table audit_log). Writes join the caller's transaction where the state change has one, so the
 * trail and the state never disagree; a model-day's row rides in the day's commit and costs one insert.
 */
@ApplicationScoped
public class AuditRepository {

    // A null actor means the job's own trigger: the subquery is a primary-key lookup.
    static final String INSERT = """
            INSERT INTO audit_log (time, job_id, model, date, event, detail, actor)
            VALUES (?, ?, ?, ?, ?, ?, COALESCE(?, (SELECT triggered_by FROM jobs WHERE job_id = ?)))
            """;
    static final String SELECT_JOB = """
            SELECT * FROM audit_log WHERE job_id = ? ORDER BY id LIMIT ? OFFSET ?
            """;
    static final String SELECT_LATEST = "SELECT * FROM audit_log ORDER BY id DESC LIMIT ? OFFSET ?";

    private static final String READ_FAILURE = "Could not read the audit trail";

    private final DataSource dataSource;

    AuditRepository(@Storage DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Appends on the caller's connection (part of its transaction). */
    public void persist(Connection conn, AuditEvent event) throws SQLException {
        persistAll(conn, List.of(event));
    }

    /** Appends several rows on the caller's connection as one batch. */
    public void persistAll(Connection conn, List<AuditEvent> events) throws SQLException {
        if (events.isEmpty()) {
            return;
        }
        String now = Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
        try (PreparedStatement ps = Statements.prepare(conn, INSERT)) {
            for (AuditEvent event : events) {
                ps.setString(1, now);
                ps.setString(2, event.jobId());
                ps.setString(3, event.model());
                ps.setString(4, event.date() == null ? null : event.date().toString());
                ps.setString(5, event.event());
                ps.setString(6, event.detail());
                ps.setString(7, event.actor());
                ps.setString(8, event.jobId());
                if (events.size() == 1) {
                    ps.executeUpdate();
                } else {
                    ps.addBatch();
                }
            }
            if (events.size() > 1) {
                ps.executeBatch();
            }
        }
    }

    /** Appends in its own (autocommit) statement. */
    public void persist(AuditEvent event) {
        Jdbc.withConnection(dataSource, "Could not write the audit trail", conn -> {
            persist(conn, event);
            return null;
        });
    }

    /** A job's entries in the order they happened. */
    public List<AuditEntry> listByJob(String jobId, int limit, int offset) {
        return Jdbc.list(dataSource, READ_FAILURE, SELECT_JOB, AuditRepository::entry, jobId, limit, offset);
    }

    /** Every job's entries, newest first. */
    public List<AuditEntry> listLatest(int limit, int offset) {
        return Jdbc.list(dataSource, READ_FAILURE, SELECT_LATEST, AuditRepository::entry, limit, offset);
    }

    private static AuditEntry entry(ResultSet rs) throws SQLException {
        return new AuditEntry(rs.getLong("id"), rs.getString("time"), rs.getString("job_id"), rs.getString("model"),
                rs.getString("date"), rs.getString("event"), rs.getString("detail"), rs.getString("actor"));
    }
}
