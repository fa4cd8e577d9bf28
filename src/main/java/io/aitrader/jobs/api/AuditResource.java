package io.aitrader.jobs.api;

import java.util.List;

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
import io.smallrye.common.annotation.Blocking;

/** GET /simulate/audit: the audit trail of job state changes (contract 7). */
@Path("/simulate/audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Simulation jobs")
@APIResponse(responseCode = "401", ref = ApiKeyDocs.UNAUTHORIZED)
public class AuditResource {

    private final AuditRepository audit;
    private final JobService jobs;

    AuditResource(AuditRepository audit, JobService jobs) {
        this.audit = audit;
        this.jobs = jobs;
    }

    @GET
    @Blocking // reads SQLite
    @Operation(operationId = "listAuditEntries", summary = "The audit trail of job state changes", description = """
            Events: created, started, model_day_completed, model_day_failed, model_day_skipped, \
            model_day_cancelled, cancelled, resumed (after a restart) and finished (detail: the final status). \
            actor is the API key's name when keys are on, else the client address; events of the worker carry the \
            job's trigger. With job_id: that job's entries in the order they happened; without: every job's \
            entries, newest first.""")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = AuditPage.class)))
    @APIResponse(responseCode = "400", description = "invalid_parameter", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "404", description = "not_found: no job with that id", content = @Content(schema = @Schema(implementation = ApiError.class)))
    public AuditPage list(@Parameter(description = "a job's id; absent: every job") @QueryParam("job_id") String jobId,
            @Parameter(description = "1..1000, default 100") @QueryParam("limit") String limit,
            @Parameter(description = "≥ 0, default 0") @QueryParam("offset") String offset) {
        int size = QueryInts.parse("limit", limit, 100, 1, 1000);
        int skip = QueryInts.parse("offset", offset, 0, 0, Integer.MAX_VALUE);
        if (jobId == null || jobId.isEmpty()) {
            return new AuditPage(null, audit.listLatest(size, skip), size, skip);
        }
        jobs.find(jobId); // 404 for an unknown job
        return new AuditPage(jobId, audit.listByJob(jobId, size, skip), size, skip);
    }

    /** A page of audit entries; {@code job_id} is present when the page is one job's. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AuditPage(@JsonProperty("job_id") String jobId, List<AuditEntry> entries, int limit, int offset) {
    }
}
