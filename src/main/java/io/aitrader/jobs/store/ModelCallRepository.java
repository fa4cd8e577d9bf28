package io.aitrader.jobs.store;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
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
            INSERT INTO model_calls (job_id, model, date, step, attempt, url, request_hash, request, status, response,
                                     recorded_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """;
    static final String SELECT_DAY = """
            SELECT step, attempt, url, request_hash, request, status, response FROM model_calls
            WHERE job_id = ? AND model = ? AND date = ? ORDER BY step, attempt
            """;

    private final DataSource dataSource;

    ModelCallRepository(@Storage DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Stores a day's calls on the caller's connection, in the transaction that ends the day. */
    public void persistAll(Connection conn, String jobId, String model, LocalDate date, List<RecordedCall> calls)
            throws SQLException {
        if (calls.isEmpty()) {
            return;
        }
        String now = Timestamps.now();
        try (PreparedStatement ps = Statements.prepare(conn, INSERT)) {
            for (RecordedCall call : calls) {
                Jdbc.bind(ps, jobId, model, date.toString(), call.step(), call.attempt(), call.url(),
                        call.requestHash(), gzip(call.request()), call.status(), gzip(call.response()), now);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** The calls of one model-day of a job, in order. */
    public List<RecordedCall> listByDay(String jobId, String model, LocalDate date) {
        return Jdbc.list(dataSource, "Could not read the recorded model calls", SELECT_DAY,
                rs -> new RecordedCall(rs.getInt(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                        gunzip(rs.getBytes(5)), rs.getInt(6), gunzip(rs.getBytes(7))),
                jobId, model, date.toString());
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
