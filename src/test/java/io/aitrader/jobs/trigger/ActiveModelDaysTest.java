package io.aitrader.jobs.trigger;

import static io.aitrader.testing.Jobs.awaitIdle;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.aitrader.jobs.store.JobRecord;
import io.aitrader.jobs.store.JobRepository;
import io.aitrader.jobs.store.JobStatus;
import io.aitrader.jobs.store.ModelDayStatus;
import io.aitrader.jobs.store.PlannedDay;
import io.aitrader.jobs.trigger.ActiveModelDays.Day;
import io.aitrader.jobs.trigger.ActiveModelDays.Holder;
import io.aitrader.platform.database.Storage;
import io.quarkus.test.junit.QuarkusTest;

/** The held model-days on a real connection: rows inserted in a transaction that is rolled back. */
@QuarkusTest
class ActiveModelDaysTest {

    private static final LocalDate MON = LocalDate.of(2025, 10, 6);

    @Inject
    @Storage
    DataSource dataSource;

    @Inject
    JobRepository jobs;

    @Test
    void onlyPendingAndRunningDaysOfActiveJobsInTheRangeAreHeldEachByTheOldestJob() throws SQLException {
        awaitIdle(); // the transaction below holds SQLite's write lock
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String model = "held-" + suffix;
        String other = "held-other-" + suffix;
        String notAsked = "held-not-asked-" + suffix;
        try (Connection conn = dataSource.getConnection()) {
            conn.setAutoCommit(false);
            try {
                // the newer job's rows come first, so the oldest job wins by its created_at, not by insert order
                JobRecord newer = job(JobStatus.PENDING, "2000-01-02T00:00:00.000Z");
                jobs.persist(conn, newer, List.of(day(model, MON, ModelDayStatus.PENDING),
                        day(model, MON.plusDays(3), ModelDayStatus.PENDING),
                        day(other, MON.plusDays(4), ModelDayStatus.RUNNING)));
                JobRecord older = job(JobStatus.RUNNING, "2000-01-01T00:00:00.000Z");
                jobs.persist(conn, older, List.of(day(model, MON, ModelDayStatus.PENDING),
                        day(model, MON.plusDays(1), ModelDayStatus.RUNNING),
                        day(model, MON.plusDays(2), ModelDayStatus.COMPLETED),
                        day(model, MON.plusDays(3), ModelDayStatus.SKIPPED),
                        day(model, MON.plusDays(4), ModelDayStatus.FAILED),
                        day(model, MON.minusDays(3), ModelDayStatus.PENDING), // before the range
                        day(model, MON.plusDays(7), ModelDayStatus.PENDING), // after it
                        day(notAsked, MON, ModelDayStatus.PENDING)));
                JobRecord downloading = job(JobStatus.DOWNLOADING_DATA, "2000-01-03T00:00:00.000Z");
                jobs.persist(conn, downloading, List.of(day(other, MON.plusDays(2), ModelDayStatus.PENDING)));
                JobRecord ended = job(JobStatus.CANCELLED, "1999-12-31T00:00:00.000Z");
                jobs.persist(conn, ended, List.of(day(model, MON.plusDays(4), ModelDayStatus.PENDING),
                        day(other, MON.plusDays(1), ModelDayStatus.RUNNING)));

                Map<Day, Holder> held = ActiveModelDays.held(conn, List.of(model, other), MON, MON.plusDays(4));

                assertEquals(Map.of(
                        new Day(model, MON), new Holder(older.jobId(), ModelDayStatus.PENDING),
                        new Day(model, MON.plusDays(1)), new Holder(older.jobId(), ModelDayStatus.RUNNING),
                        new Day(model, MON.plusDays(3)), new Holder(newer.jobId(), ModelDayStatus.PENDING),
                        new Day(other, MON.plusDays(2)), new Holder(downloading.jobId(), ModelDayStatus.PENDING),
                        new Day(other, MON.plusDays(4)), new Holder(newer.jobId(), ModelDayStatus.RUNNING)), held);
                assertEquals(Map.of(), ActiveModelDays.held(conn, List.of(), MON, MON.plusDays(4)));
            } finally {
                conn.rollback();
                conn.setAutoCommit(true);
            }
            assertEquals(Map.of(), ActiveModelDays.held(conn, List.of(model, other), MON, MON.plusDays(4)),
                    "the rows are rolled back");
        }
    }

    private static JobRecord job(JobStatus status, String createdAt) {
        return new JobRecord(UUID.randomUUID().toString(), status, "configs/jobs_overlap.json", "{}", List.of(MON),
                List.of(), "held-" + UUID.randomUUID(), false, List.of(), null, "test", createdAt, null, createdAt,
                null, null, null, null, null);
    }

    private static PlannedDay day(String model, LocalDate date, ModelDayStatus status) {
        return new PlannedDay(model, date, status, status == ModelDayStatus.PENDING ? null : "set by the test");
    }
}
