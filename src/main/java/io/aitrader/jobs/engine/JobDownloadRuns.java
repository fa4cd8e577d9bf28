package io.aitrader.jobs.engine;

import jakarta.enterprise.context.ApplicationScoped;

import io.aitrader.jobs.events.CancelFlags;
import io.aitrader.jobs.events.JobEvent;
import io.aitrader.jobs.events.JobEvents;
import io.aitrader.prices.DateDownload;
import io.aitrader.prices.DownloadListener;
import io.aitrader.prices.DownloadProgressRepository;
import io.aitrader.prices.DownloadRun;
import io.aitrader.prices.SymbolDownload;

/**
 * Wires a job's price download to the rest of the service: its progress goes to the database (status readers on any
 * instance), an event per symbol to the bus (SSE, the dashboard, the batch progress bar), and the job's cancel stops
 * it.
 */
@ApplicationScoped
class JobDownloadRuns {

    private final DownloadProgressRepository progress;
    private final JobEvents events;
    private final CancelFlags cancelFlags;

    JobDownloadRuns(DownloadProgressRepository progress, JobEvents events, CancelFlags cancelFlags) {
        this.progress = progress;
        this.events = events;
        this.cancelFlags = cancelFlags;
    }

    /** The run of {@code jobId}'s download; {@link #close} it when the download ends. */
    DownloadRun open(String jobId) {
        DownloadListener published = new DownloadListener() {
            @Override
            public void started(int symbols, int requestsPerMinute) {
                events.publish(JobEvent.downloadStarted(jobId));
            }

            @Override
            public void finished(SymbolDownload outcome) {
                events.publish(JobEvent.download(jobId, outcome));
            }

            @Override
            public void finished(DateDownload outcome) {
                events.publish(JobEvent.download(jobId, outcome));
            }
        };
        return new DownloadRun(progress.listener(jobId).then(published), cancelFlags.downloadStop(jobId));
    }

    void close(String jobId) {
        cancelFlags.downloadEnded(jobId);
    }
}
