package io.aitrader.jobs;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.eventbus.MessageConsumer;

/** Server-Sent Events for one job: one event per model-day state change and one when the job ends. */
@Path("/simulate/events")
@Tag(name = "Simulation jobs")
public class JobEventResource {

    private final JobService jobs;
    private final JobEvents events;

    JobEventResource(JobService jobs, JobEvents events) {
        this.jobs = jobs;
        this.events = events;
    }

    @GET
    @Path("/{job_id}")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Blocking // the existence check reads SQLite
    @Operation(summary = "Follow a job as Server-Sent Events", description = """
            Each event's data is JSON: {type: model_day|job, job_id, status, model, date, error, finished, \
            timestamp}. The stream ends after the event with finished=true; for a job that has already ended it \
            sends that one event.""")
    @APIResponse(responseCode = "200", description = "text/event-stream")
    @APIResponse(responseCode = "404", description = "not_found")
    public Multi<OutboundSseEvent> stream(@PathParam("job_id") String jobId, Sse sse) {
        jobs.find(jobId);
        return Multi.createFrom().<String>emitter(emitter -> {
            MessageConsumer<String> consumer = events.listen(text -> {
                JobEvent event = events.parse(text);
                if (jobId.equals(event.jobId())) {
                    emitter.emit(text);
                    if (event.finished()) {
                        emitter.complete();
                    }
                }
            });
            emitter.onTermination(consumer::unregister);
            // Registered before this check, so an end that happens in between is not missed.
            JobRecord job = jobs.find(jobId);
            if (!job.status().active()) {
                emitter.emit(events.toJson(JobEvent.job(jobId, job.status(), job.error())));
                emitter.complete();
            }
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool()) // the end check above reads SQLite
                .map(text -> sse.newEventBuilder().data(text).mediaType(MediaType.APPLICATION_JSON_TYPE).build());
    }
}
