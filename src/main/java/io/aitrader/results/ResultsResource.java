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
 * GET /results (contract 2.4). Its JDBC work blocks, so the pipeline runs on the named worker pool
 * ({@code runSubscriptionOn}), never on the event loop.
 */
@Path("/results")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Results", description = "What the simulations produced: daily results, period performance, the models' reasoning")
@APIResponse(responseCode = "401", ref = ApiKeyDocs.UNAUTHORIZED)
public class ResultsResource {

    private final ResultsService results;
    private final WorkerPools pools;

    ResultsResource(ResultsService results, WorkerPools pools) {
        this.results = results;
        this.pools = pools;
    }

    @GET
    @Operation(operationId = "getResults", summary = "One trading day's results, one entry per model", description = """
                        positions are the end-of-day holdings (zero shares left out) plus CASH; daily_pnl.profit is the ending \
                        value minus the previous ending value (the initial cash on a model's first day), return_pct is that \
                        profit over the previous ending value × 100. stale=true marks a day computed from a result that was \
                        later replaced. detail=full adds trades and ai_reasoning, with the tokens and cost_usd of the day's model \
            calls (cost_usd null when unknown).""")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ResultsService.Results.class)))
    @APIResponse(responseCode = "400", description = "invalid_date, invalid_parameter", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "404", description = "no_data", content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Uni<ResultsService.Results> get(
            @Parameter(description = "Trading day, YYYY-MM-DD (required)", required = true) @QueryParam("date") String date,
            @Parameter(description = "Model signature") @QueryParam("model") String model,
            @Parameter(description = "Only results produced by this job") @QueryParam("job_id") String jobId,
            @Parameter(description = "minimal (default) or full") @QueryParam("detail") String detail) {
        LocalDate day = Params.requiredDate("date", date); // the parameters' 400s come before any work
        boolean full = switch (detail == null ? "minimal" : detail) {
            case "minimal" -> false;
            case "full" -> true;
            default -> throw ApiException.invalidField("invalid_parameter", "detail", Params.safe(detail),
                    "detail must be minimal or full");
        };
        String onlyModel = Params.blankToNull(model);
        String onlyJob = Params.blankToNull(jobId);
        return Uni.createFrom().optional(() -> results.find(day, onlyModel, onlyJob, full))
                .onItem().ifNull().failWith(() -> ResultsService.noData(day, onlyModel, onlyJob))
                .runSubscriptionOn(pools.blocking());
    }
}
