package io.aitrader.jobs;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.aitrader.config.ServiceSettings;
import io.aitrader.platform.DatabaseSetup;
import io.aitrader.platform.database.Database;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.eventbus.EventBus;

/**
 * Resumes jobs that were active when the service stopped: completed model-days stay (they were committed with their
 * status in one transaction), interrupted ones go back to pending and the job is handed to the worker again.
 */
@ApplicationScoped
public class JobRecovery {

    void onStart(@Observes @Priority(DatabaseSetup.PRIORITY + 100) StartupEvent event, JobRepository jobs,
            EventBus bus, ServiceSettings settings, Database database) {
        if (database.postgres()) {
            return; // instances share the work: what a dead instance held is taken over when its lease expires
        }
        if (settings.commandMode()) {
            // A batch run owns only the job it creates; a server started later resumes interrupted ones.
            return;
        }
        for (JobRecord job : jobs.listActive()) {
            jobs.resume(job);
            Log.infof("Resuming job %s (was %s)", job.jobId(), job.status().wire());
            bus.send(JobAddresses.RUN, job.jobId());
        }
    }
}
