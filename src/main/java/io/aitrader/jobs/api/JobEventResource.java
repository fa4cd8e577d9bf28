package io.aitrader.jobs.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.aitrader.auth.ApiKeyDocs;
import io.aitrader.errors.ApiError;
import io.aitrader.jobs.events.JobEvents;
import io.aitrader.platform.concurrent.WorkerPools;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import io.vertx.core.eventbus.MessageConsumer;

/**
 * Server-Sent Events for one job: one per model-day state change, per symbol downloaded, and when the job ends. A
 * stream keeps its {@code Multi} (a {@code Uni} answers once). Quarkus REST writes an SSE response's head before it
 * subscribes to the stream, so an unknown job's 404 must be decided before the stream is returned: that one read is
 * {@code @Blocking} (a worker thread); the snapshot the stream starts with is read on the named worker pool.
 */
@Path("/simulate/events")
@Tag(name = "Simulation jobs")
@APIResponse(responseCode = "401", ref = ApiKeyDocs.UNAUTHORIZED)
public class JobEventResource {

    private final JobService jobs;
    private final JobEvents events;
    private final WorkerPools pools;

    JobEventResource(JobService jobs, JobEvents events, WorkerPools pools) {
        this.jobs = jobs;
        this.events = events;
        this.pools = pools;
    }

    @GET
    @Path("/{job_id}")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Blocking // the 404 check reads the database before the stream starts
    @Operation(operationId = "streamJobEvents", summary = "Follow a job as Server-Sent Events", description = """
            Each event's data is JSON: {type: model_day|download|job, job_id, status, model, date, symbol, error, \
            finished, timestamp}. model_day: a model-day changed state (model, date, status). download: while the \
            job is downloading_data, status "started" once, then one event per symbol asked, status downloaded, \
            failed or rate_limited (error says why); progress.download of the status has the counts and the ETA. \
            job: the job changed phase or ended. A new subscriber first gets the current state of every model-day \
            that has left pending, then live events. The stream ends after the event with finished=true (at once \
            for an ended job).""")
    @APIResponse(responseCode = "200", description = "The event stream", content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS, schema = @Schema(type = SchemaType.STRING, description = "data: lines, each a JSON event")))
    @APIResponse(responseCode = "404", description = "not_found", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "406", description = "not_acceptable: the Accept header excludes text/event-stream", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    public Multi<OutboundSseEvent> stream(@PathParam("job_id") String jobId, @Context Sse sse) {
        jobs.find(jobId).orElseThrow(() -> JobService.noSuchJob(jobId));
        return Multi.createFrom().<String>emitter(emitter -> {
            JobEventStream stream = new JobEventStream(jobId, emitter, events);
            MessageConsumer<String> consumer = events.listen(stream::onLive);
            emitter.onTermination(consumer::unregister);
            // Listening starts before the snapshot is read, so nothing between the two is missed.
            stream.replay(jobs.find(jobId).orElseThrow(() -> JobService.noSuchJob(jobId)), jobs.details(jobId));
        }).runSubscriptionOn(pools.blocking())
                .map(text -> sse.newEventBuilder().data(text).mediaType(MediaType.APPLICATION_JSON_TYPE).build());
    }
}
