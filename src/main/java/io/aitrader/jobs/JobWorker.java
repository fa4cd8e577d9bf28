package io.aitrader.jobs;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.aitrader.config.ServiceSettings;
import io.aitrader.platform.DatabaseSetup;
import io.aitrader.platform.database.Database;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.ConsumeEvent;

/**
 * The worker: consumes job ids from the event bus. On SQLite (one instance) it runs each job on a worker thread (JDBC
 * and LLM calls block); on PostgreSQL the job's work is claimed from the database by every instance's
 * {@link ClaimingWorker}, this one included.
 */
@ApplicationScoped
public class JobWorker {

    private final JobRunner runner;
    private final ClaimingWorker claiming;
    private final Database database;

    JobWorker(JobRunner runner, ClaimingWorker claiming, Database database) {
        this.runner = runner;
        this.claiming = claiming;
        this.database = database;
    }

    void onStart(@Observes @Priority(DatabaseSetup.PRIORITY + 100) StartupEvent event, ServiceSettings settings) {
        if (database.postgres()) {
            claiming.start(settings.commandMode());
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        if (database.postgres()) {
            claiming.stop();
        }
    }

    @ConsumeEvent(value = JobAddresses.RUN, blocking = true, ordered = false)
    void onJob(String jobId) {
        if (database.postgres()) {
            claiming.wake(jobId);
        } else {
            runner.run(jobId);
        }
    }
}
