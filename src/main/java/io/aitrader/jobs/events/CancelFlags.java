package io.aitrader.jobs.events;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.aitrader.prices.StopSignal;

/**
 * Jobs asked to stop; the worker checks between model-days, traders between steps, and a job's price download is
 * stopped at once through its {@link StopSignal}.
 */
@ApplicationScoped
public class CancelFlags {

    private final Set<String> cancelled = ConcurrentHashMap.newKeySet();
    private final Map<String, StopSignal> downloads = new ConcurrentHashMap<>();

    public void cancel(String jobId) {
        cancelled.add(jobId);
        StopSignal download = downloads.get(jobId);
        if (download != null) {
            download.stop();
        }
    }

    public boolean isCancelled(String jobId) {
        return cancelled.contains(jobId);
    }

    /** The stop signal of the job's price download, stopped by the job's cancel (already, if the cancel came first). */
    public StopSignal downloadStop(String jobId) {
        StopSignal signal = downloads.computeIfAbsent(jobId, id -> new StopSignal());
        if (isCancelled(jobId)) {
            signal.stop();
        }
        return signal;
    }

    public void downloadEnded(String jobId) {
        downloads.remove(jobId);
    }

    public void forget(String jobId) {
        cancelled.remove(jobId);
        downloads.remove(jobId);
    }
}
