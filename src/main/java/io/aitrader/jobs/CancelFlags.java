package io.aitrader.jobs;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

/** Jobs asked to stop; the worker checks between model-days and traders between steps. */
@ApplicationScoped
public class CancelFlags {

    private final Set<String> cancelled = ConcurrentHashMap.newKeySet();

    void cancel(String jobId) {
        cancelled.add(jobId);
    }

    public boolean isCancelled(String jobId) {
        return cancelled.contains(jobId);
    }

    void forget(String jobId) {
        cancelled.remove(jobId);
    }
}
