package io.aitrader.jobs.store;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import io.aitrader.agent.RecordedCall;
import io.aitrader.platform.database.Jdbc;
import io.aitrader.platform.database.Statements;
import io.aitrader.platform.database.Storage;

/** The recorded model calls of model-days (table model_calls), their bodies gzip-compressed. */
@ApplicationScoped
public class ModelCallRepository {

    static final String INSERT = """
            INSERT INTO model_calls (job_id, model, basemodel, date, step, attempt, url, request_hash, request, status,
                                     response, served_by, recorded_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """;
    static final String COLUMNS = "c.step, c.attempt, c.url, c.request_hash, c.request, c.status, c.response, c.served_by";
    static final String SELECT_DAY = """
            SELECT %s FROM model_calls c WHERE c.job_id = ? AND c.model = ? AND c.date = ? ORDER BY c.step, c.attempt
            """.formatted(COLUMNS);
    /** Only a completed day's calls are replayed: a failed day's are kept for diagnosis, never as a result. */
    static final String SELECT_REPLAYABLE = """
            SELECT %s FROM model_calls c
            JOIN job_details d ON d.job_id = c.job_id AND d.model = c.model AND d.date = c.date
            WHERE c.job_id = ? AND c.model = ? AND c.date = ? AND d.status = 'completed' ORDER BY c.step, c.attempt
            """.formatted(COLUMNS);
    static final String SELECT_JOB = """
            SELECT %s, c.model, c.basemodel, c.date FROM model_calls c WHERE c.job_id = ?
            ORDER BY c.model, c.date, c.step, c.attempt
            """.formatted(COLUMNS);
    static final String SELECT_CACHED = """
            SELECT request, response FROM model_calls
            WHERE request_hash = ? AND basemodel = ? AND status BETWEEN 200 AND 299 AND served_by = 'provider'
            ORDER BY id LIMIT 1
            """;

    private final DataSource dataSource;

    ModelCallRepository(@Storage DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Stores a day's calls on the caller's connection, in the transaction that ends the day. */
    public void persistAll(Connection conn, String jobId, String model, LocalDate date, DayCalls day)
            throws SQLException {
        if (day.calls().isEmpty()) {
            return;
        }
        String now = Timestamps.now();
        try (PreparedStatement ps = Statements.prepare(conn, INSERT)) {
            for (RecordedCall call : day.calls()) {
                Jdbc.bind(ps, jobId, model, day.basemodel(), date.toString(), call.step(), call.attempt(), call.url(),
                        call.requestHash(), gzip(call.request()), call.status(), gzip(call.response()),
                        call.servedBy(), now);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** The calls of one model-day of a job, in order. */
    public List<RecordedCall> listByDay(String jobId, String model, LocalDate date) {
        return Jdbc.list(dataSource, "Could not read the recorded model calls", SELECT_DAY,
                ModelCallRepository::call, jobId, model, date.toString());
    }

    /** The calls a replay of the job's model-day answers from: none unless the day completed in that job. */
    public List<RecordedCall> listReplayable(String jobId, String model, LocalDate date) {
        return Jdbc.list(dataSource, "Could not read the recorded model calls", SELECT_REPLAYABLE,
                ModelCallRepository::call, jobId, model, date.toString());
    }

    /** One recorded call of a job, with its model-day. */
    public record JobCall(String model, String basemodel, LocalDate date, RecordedCall call) {
    }

    /** Every recorded call of the job, by model-day and step. */
    public List<JobCall> listByJob(String jobId) {
        return Jdbc.list(dataSource, "Could not read the recorded model calls", SELECT_JOB,
                rs -> new JobCall(rs.getString(9), rs.getString(10), LocalDate.parse(rs.getString(11)), call(rs)),
                jobId);
    }

    /** The response cache: the provider's earlier answer to an equal request of the same basemodel. */
    public Optional<String> findCachedResponse(String basemodel, String requestHash, String request) {
        return Jdbc.find(dataSource, "Could not read the response cache", SELECT_CACHED,
                rs -> gunzip(rs.getBytes(1)).equals(request) ? gunzip(rs.getBytes(2)) : null, requestHash, basemodel);
    }

    private static RecordedCall call(ResultSet rs) throws SQLException {
        return new RecordedCall(rs.getInt(1), rs.getInt(2), rs.getString(3), rs.getString(4), gunzip(rs.getBytes(5)),
                rs.getInt(6), gunzip(rs.getBytes(7)), rs.getString(8));
    }

    static byte[] gzip(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(Math.max(64, text.length() / 4));
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static String gunzip(byte[] data) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(data))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("a stored model call is not gzip", e);
        }
    }
}
