package io.aitrader.jobs.trigger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.aitrader.jobs.store.JobStatus;
import io.aitrader.jobs.store.ModelDayStatus;
import io.aitrader.platform.database.Jdbc;

/** The model-days still pending or running in an active job, which a trigger must not plan a second time. */
final class ActiveModelDays {

    /** A model's trading day. */
    record Day(String model, LocalDate date) {
    }

    /** The active job that holds a model-day, and the day's status there (pending or running). */
    record Holder(String jobId, ModelDayStatus status) {
    }

    private static final String SELECT_HELD = """
            SELECT d.model, d.date, d.job_id, d.status FROM job_details d JOIN jobs j ON j.job_id = d.job_id
            WHERE j.status IN %1$s AND d.status IN ('pending', 'running')
              AND d.date BETWEEN ? AND ? AND d.model IN (%2$s)
            ORDER BY j.created_at, j.job_id
            """;

    private ActiveModelDays() {
    }

    /**
     * The held model-days of {@code models} from {@code from} to {@code to}, each with the oldest active job holding
     * it; read on the caller's connection so that it is part of the trigger's transaction.
     */
    static Map<Day, Holder> held(Connection conn, Collection<String> models, LocalDate from, LocalDate to)
            throws SQLException {
        if (models.isEmpty()) {
            return Map.of();
        }
        String sql = String.format(Locale.ROOT, SELECT_HELD, JobStatus.ACTIVE_SQL,
                String.join(", ", Collections.nCopies(models.size(), "?")));
        List<Object> params = new ArrayList<>(List.of(from.toString(), to.toString()));
        params.addAll(models);
        Map<Day, Holder> held = new LinkedHashMap<>();
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            Jdbc.bind(ps, params.toArray());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    held.putIfAbsent(new Day(rs.getString(1), LocalDate.parse(rs.getString(2))),
                            new Holder(rs.getString(3), ModelDayStatus.fromWire(rs.getString(4))));
                }
            }
        }
        return held;
    }
}
