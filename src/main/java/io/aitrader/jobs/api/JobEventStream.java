package io.aitrader.jobs.api;

import java.util.ArrayList;
import java.util.List;

import io.aitrader.jobs.events.JobEvent;
import io.aitrader.jobs.events.JobEvents;
import io.aitrader.jobs.store.JobRecord;
import io.aitrader.jobs.store.ModelDay;
import io.aitrader.jobs.store.ModelDayStatus;
import io.smallrye.mutiny.subscription.MultiEmitter;

/**
 * One SSE subscriber's stream: first a snapshot of every model-day that has left pending, then the live events.
 * Live events that arrive while the snapshot is read are held back, so a client never sees an older state after a
 * newer one.
 */
final class JobEventStream {

    private final String jobId;
    private final MultiEmitter<? super String> emitter;
    private final JobEvents events;
    private List<String> heldBack = new ArrayList<>();

    JobEventStream(String jobId, MultiEmitter<? super String> emitter, JobEvents events) {
        this.jobId = jobId;
        this.emitter = emitter;
        this.events = events;
    }

    synchronized void onLive(String text) {
        JobEvent event = events.parse(text);
        if (!jobId.equals(event.jobId())) {
            return;
        }
        if (heldBack != null) {
            heldBack.add(text);
        } else {
            emit(text, event);
        }
    }

    synchronized void replay(JobRecord job, List<ModelDay> days) {
        for (ModelDay day : days) {
            if (day.status() != ModelDayStatus.PENDING) {
                emitter.emit(events.toJson(JobEvent.modelDay(jobId, day.model(), day.date(), day.status(),
                        day.error())));
            }
        }
        if (!job.status().active()) {
            emit(events.toJson(JobEvent.job(jobId, job.status(), job.error())), JobEvent.job(jobId, job.status(),
                    null));
            return;
        }
        List<String> pending = heldBack;
        heldBack = null;
        for (String text : pending) {
            emit(text, events.parse(text));
        }
    }

    private void emit(String text, JobEvent event) {
        if (emitter.isCancelled()) {
            return;
        }
        emitter.emit(text);
        if (event.finished()) {
            emitter.complete();
        }
    }
}
