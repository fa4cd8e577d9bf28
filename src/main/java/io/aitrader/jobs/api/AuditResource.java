package io.aitrader.jobs.api;

import java.util.List;
import java.util.Optional;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.aitrader.auth.ApiKeyDocs;
import io.aitrader.errors.ApiError;
import io.aitrader.jobs.audit.AuditEntry;
import io.aitrader.jobs.audit.AuditRepository;
import io.aitrader.platform.concurrent.WorkerPools;
import io.smallrye.mutiny.Uni;

/**
 * GET /simulate/audit: the audit trail of job state changes (contract 7). Its JDBC work blocks, so the pipeline runs
 * on the named worker pool ({@code runSubscriptionOn}), never on the event loop.
 */
@Path("/simulate/audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Simulation jobs")
@APIResponse(responseCode = "401", ref = ApiKeyDocs.UNAUTHORIZED)
public class AuditResource {

    private final AuditRepository audit;
    private final JobService jobs;
    private final WorkerPools pools;

    AuditResource(AuditRepository audit, JobService jobs, WorkerPools pools) {
        this.audit = audit;
        this.jobs = jobs;
        this.pools = pools;
    }

    @GET
    @Operation(operationId = "listAuditEntries", summary = "The audit trail of job state changes", description = """
            Events: created, started, model_day_completed, model_day_failed, model_day_skipped, \
            model_day_cancelled, cancelled, resumed (after a restart) and finished (detail: the final status). \
            actor is the API key's name when keys are on, else the client address; events of the worker carry the \
            job's trigger. With job_id: that job's entries in the order they happened; without: every job's \
            entries, newest first.""")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = AuditPage.class)))
    @APIResponse(responseCode = "400", description = "invalid_parameter", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "404", description = "not_found: no job with that id", content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Uni<AuditPage> list(
            @Parameter(description = "a job's id; absent: every job") @QueryParam("job_id") String jobId,
            @Parameter(description = "1..1000, default 100") @QueryParam("limit") String limit,
            @Parameter(description = "≥ 0, default 0") @QueryParam("offset") String offset) {
        int size = QueryInts.parse("limit", limit, 100, 1, 1000); // the parameters' 400s come before any work
        int skip = QueryInts.parse("offset", offset, 0, 0, Integer.MAX_VALUE);
        String job = jobId == null || jobId.isEmpty() ? null : jobId;
        return Uni.createFrom().optional(() -> page(job, size, skip))
                .onItem().ifNull().failWith(() -> JobService.noSuchJob(job))
                .runSubscriptionOn(pools.blocking());
    }

    /** Every job's entries, or one job's; empty when that job does not exist. */
    private Optional<AuditPage> page(String jobId, int limit, int offset) {
        if (jobId == null) {
            return Optional.of(new AuditPage(null, audit.listLatest(limit, offset), limit, offset));
        }
        return jobs.find(jobId).map(job -> new AuditPage(jobId, audit.listByJob(jobId, limit, offset), limit, offset));
    }

    /** A page of audit entries; {@code job_id} is present when the page is one job's. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AuditPage(@JsonProperty("job_id") String jobId, List<AuditEntry> entries, int limit, int offset) {
    }
}
