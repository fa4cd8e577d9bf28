package io.aitrader.jobs.api;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.aitrader.auth.ApiKeyDocs;
import io.aitrader.auth.Caller;
import io.aitrader.errors.ApiError;
import io.aitrader.errors.ApiException;
import io.aitrader.jobs.store.JobStatus;
import io.aitrader.jobs.trigger.JobCreated;
import io.aitrader.jobs.trigger.TriggerPlanner;
import io.aitrader.jobs.trigger.TriggerRequest;
import io.aitrader.jobs.trigger.TriggerService;
import io.aitrader.jobs.trigger.UpToDate;
import io.aitrader.jobs.view.JobStatusView;
import io.aitrader.platform.concurrent.WorkerPools;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * The jobs API of contract 2.1–2.3 (SSE lives in {@link JobEventResource}). Each method is one pipeline; its JDBC
 * work blocks, so it runs on the named worker pool ({@code runSubscriptionOn}), never on the event loop.
 */
@Path("/simulate")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Simulation jobs", description = "Start, follow and cancel simulation jobs; their audit trail")
@APIResponse(responseCode = "401", ref = ApiKeyDocs.UNAUTHORIZED)
public class JobResource {

    private final TriggerService triggers;
    private final JobService jobs;
    private final WorkerPools pools;

    JobResource(TriggerService triggers, JobService jobs, WorkerPools pools) {
        this.triggers = triggers;
        this.jobs = jobs;
        this.pools = pools;
    }

    @POST
    @Path("/trigger")
    @Operation(operationId = "triggerSimulation", summary = "Start a simulation job", description = """
            Resolves the request into model-days (trading days only) and stores a job that the worker runs after \
            this answer. An empty body runs a catch-up of the default config: each model resumes after its last \
            completed day, at most MAX_SIMULATION_DAYS trading days per trigger. A model-day already pending or \
            running in another active job is not planned again: it is skipped ("pending in job <id>").""")
    @RequestBody(required = false, description = "Every field is optional; an empty body or no body is a catch-up of the default config")
    @APIResponse(responseCode = "202", description = "Job created", content = @Content(schema = @Schema(implementation = JobCreated.class)))
    @APIResponse(responseCode = "200", description = "Nothing to run (status current), or the same work or every model-day asked for already in progress (that job's status object; the oldest if several)", content = @Content(schema = @Schema(oneOf = {
            UpToDate.class, JobStatusView.class})))
    @APIResponse(responseCode = "400", description = "invalid_json, invalid_type, unknown_field, invalid_date, invalid_date_range, range_too_large, unknown_model, invalid_config_path, config_not_found, invalid_config, invalid_parameter (max_cost_usd not a positive number; replay_of with config_path, replace_existing or max_cost_usd), unknown_job, job_not_ended, nothing_to_replay (replay_of names no job, a job still active, or one without completed model-days in the range)", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "409", description = "conflict: another job is active and MAX_CONCURRENT_JOBS is reached; carries current_job_id and current_date_range", content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Uni<Response> trigger(TriggerRequest request, @Context RoutingContext http) {
        String caller = Caller.of(http);
        return Uni.createFrom().item(() -> triggers.trigger(request, caller))
                .map(answer -> Response.status(answer.status()).entity(answer.body()).build())
                .runSubscriptionOn(pools.blocking());
    }

    @GET
    @Path("/status/{job_id}")
    @Operation(operationId = "getJobStatus", summary = "A job's status and progress, with every model-day", description = """
            progress counts the model-days by status and lists them in details. While the job is downloading_data, \
            progress.download shows the Alpha Vantage download of the prices its dates lack: {symbols_total, \
            symbols_done, symbols_failed, symbols_left, requests_per_minute, eta_seconds} (done + failed + left = \
            total; the ETA is symbols left × the slower of the request budget's pace and the pace so far). A date \
            whose prices stay incomplete (a symbol not downloaded, e.g. after the rate limit) has its model-days \
            skipped with the reason, and the warnings say how many symbols remain to download; the next trigger \
            continues the download. cost_usd is what the job's model calls cost so far (null when some day's cost is \
            unknown); each detail has its own cost_usd and, once it ran, its tokens.""")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = JobStatusView.class)))
    @APIResponse(responseCode = "404", description = "not_found", content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Uni<JobStatusView> status(@PathParam("job_id") String jobId) {
        return Uni.createFrom().optional(() -> jobs.findStatus(jobId))
                .onItem().ifNull().failWith(() -> JobService.noSuchJob(jobId))
                .runSubscriptionOn(pools.blocking());
    }

    @GET
    @Path("/current")
    @Operation(operationId = "getCurrentJob", summary = "The most recent job's status")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = JobStatusView.class)))
    @APIResponse(responseCode = "404", description = "not_found: no job yet", content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Uni<JobStatusView> current() {
        return Uni.createFrom().optional(jobs::findCurrent)
                .onItem().ifNull().failWith(JobService::noJobYet)
                .runSubscriptionOn(pools.blocking());
    }

    @GET
    @Path("/jobs")
    @Operation(operationId = "listJobs", summary = "Jobs, newest first, with progress counts (no details)")
    @APIResponse(responseCode = "200")
    @APIResponse(responseCode = "400", description = "invalid_parameter", content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Uni<JobList> list(
            @Parameter(description = "pending, downloading_data, running, completed, partial, failed or cancelled") @QueryParam("status") String status,
            @Parameter(description = "1..500, default 50") @QueryParam("limit") String limit,
            @Parameter(description = "≥ 0, default 0") @QueryParam("offset") String offset) {
        JobStatus filter = statusFilter(status); // the parameters' 400s come before any work
        int size = QueryInts.parse("limit", limit, 50, 1, 500);
        int skip = QueryInts.parse("offset", offset, 0, 0, Integer.MAX_VALUE);
        return Uni.createFrom().item(() -> new JobList(jobs.list(filter, size, skip), size, skip))
                .runSubscriptionOn(pools.blocking());
    }

    private static JobStatus statusFilter(String status) {
        if (status == null || status.isEmpty()) {
            return null;
        }
        try {
            return JobStatus.fromWire(status);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidField("invalid_parameter", "status", TriggerPlanner.safe(status),
                    "status must be one of pending, downloading_data, running, completed, partial, failed, cancelled");
        }
    }

    @POST
    @Path("/cancel/{job_id}")
    @Operation(operationId = "cancelJob", summary = "Cancel an active job", description = "Pending model-days become cancelled; running ones stop at their next step.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = JobStatusView.class)))
    @APIResponse(responseCode = "404", description = "not_found", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "409", description = "job_not_active: the job has already ended", content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Uni<JobStatusView> cancel(@PathParam("job_id") String jobId, @Context RoutingContext http) {
        String caller = Caller.of(http);
        return Uni.createFrom().optional(() -> jobs.cancel(jobId, caller))
                .onItem().ifNull().failWith(() -> JobService.noSuchJob(jobId))
                .runSubscriptionOn(pools.blocking());
    }

    /** A page of jobs. */
    public record JobList(List<JobStatusView> jobs, int limit, int offset) {
    }
}
