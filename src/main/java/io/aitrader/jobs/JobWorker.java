package io.aitrader.jobs;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.vertx.ConsumeEvent;

/** The worker: consumes job ids from the event bus and runs each job on a worker thread (JDBC and LLM calls block). */
@ApplicationScoped
public class JobWorker {

    private final JobRunner runner;

    JobWorker(JobRunner runner) {
        this.runner = runner;
    }

    @ConsumeEvent(value = JobAddresses.RUN, blocking = true, ordered = false)
    void onJob(String jobId) {
        runner.run(jobId);
    }
}
