package io.aitrader.results;

import java.time.LocalDate;

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

import io.aitrader.auth.ApiKeyDocs;
import io.aitrader.errors.ApiError;
import io.aitrader.errors.ApiException;
import io.aitrader.errors.Params;
import io.aitrader.platform.concurrent.WorkerPools;
import io.smallrye.mutiny.Uni;

/**
 * GET /reasoning (contract 2.6). Its JDBC work blocks, so the pipeline runs on the named worker pool
 * ({@code runSubscriptionOn}), never on the event loop.
 */
@Path("/reasoning")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Results")
@APIResponse(responseCode = "401", ref = ApiKeyDocs.UNAUTHORIZED)
public class ReasoningResource {

    private final ReasoningService reasoning;
    private final WorkerPools pools;

    ReasoningResource(ReasoningService reasoning, WorkerPools pools) {
        this.reasoning = reasoning;
        this.pools = pools;
    }

    @GET
    @Operation(operationId = "getReasoning", summary = "The conversations behind the results, one session per model-day", description = """
            Each session gives the day's summary (it names the trades made), the number of model calls \
            (total_steps), whether the model sent the stop signal, the calls per tool and the token counts the \
            provider reported. full=true adds every message in order: role (system, user, assistant or tool), \
            content, and for tool calls tool_name, tool_arguments and tool_result, with timestamps and tokens. \
            At least one of job_id and date is required.""")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ReasoningService.Reasoning.class)))
    @APIResponse(responseCode = "400", description = "missing_parameter, invalid_date, invalid_parameter", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "404", description = "no_data", content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Uni<ReasoningService.Reasoning> get(
            @Parameter(description = "Only model-days whose result this job produced") @QueryParam("job_id") String jobId,
            @Parameter(description = "Trading day, YYYY-MM-DD") @QueryParam("date") String date,
            @Parameter(description = "Model signature") @QueryParam("model") String model,
            @Parameter(description = "true: include every message (default false)") @QueryParam("full") String full) {
        String job = Params.blankToNull(jobId); // the parameters' 400s come before any work
        if (job == null && (date == null || date.isBlank())) {
            throw ApiException.badRequest("missing_parameter", "Give job_id, date or both");
        }
        LocalDate day = Params.date("date", date);
        ReasoningRepository.Filter filter = new ReasoningRepository.Filter(job, day, Params.blankToNull(model));
        boolean messages = Params.flag("full", full);
        return Uni.createFrom().optional(() -> reasoning.find(filter, messages))
                .onItem().ifNull().failWith(() -> ReasoningService.noData(filter))
                .runSubscriptionOn(pools.blocking());
    }

}
