package io.aitrader.prices;

import java.time.LocalDate;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.aitrader.auth.ApiKeyDocs;
import io.aitrader.errors.ApiError;
import io.aitrader.errors.ApiException;
import io.aitrader.errors.Params;
import io.aitrader.market.Market;
import io.aitrader.platform.concurrent.WorkerPools;
import io.smallrye.mutiny.Uni;

/**
 * Price data endpoints (contract 2.7): import a price file, show what is stored. Their JDBC work blocks, so each
 * pipeline runs on the named worker pool ({@code runSubscriptionOn}), never on the event loop.
 */
@Path("/prices")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Prices", description = "Price data, daily and 60-minute bars: import files, inspect coverage, backfill")
@APIResponse(responseCode = "401", ref = ApiKeyDocs.UNAUTHORIZED)
public class PriceResource {

    static final String NDJSON = "application/x-ndjson";

    private final PriceImportService importService;
    private final PriceRepository repository;
    private final PriceBackfill backfill;
    private final DownloadProgressRepository progress;
    private final WorkerPools pools;
    private final IntradayStore intraday;

    @Inject
    public PriceResource(PriceImportService importService, PriceRepository repository, PriceBackfill backfill,
            DownloadProgressRepository progress, WorkerPools pools, IntradayStore intraday) {
        this.intraday = intraday;
        this.importService = importService;
        this.repository = repository;
        this.backfill = backfill;
        this.progress = progress;
        this.pools = pools;
    }

    /** A backfill as GET /prices/backfill/{run_id} shows it. */
    @Schema(name = "Backfill")
    public record BackfillView(@JsonProperty("run_id") String runId, String provider,
            @JsonProperty("start_date") LocalDate startDate, @JsonProperty("end_date") LocalDate endDate,
            @Schema(description = "running, completed (nothing left to download), incomplete (see warnings; start "
                    + "it again to continue) or failed") String status,
            @Schema(description = "Requests done of total (symbols on Alpha Vantage, dates on Massive) and the ETA; "
                    + "absent before the first request", nullable = true) DownloadProgress progress,
            List<String> warnings) {
    }

    @POST
    @Path("/backfill")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "backfillPrices", summary = "Download a range of prices ahead of time", description = """
            Downloads what the default config's universe and benchmark lack from start_date to end_date, from the \
            active provider (PRICE_PROVIDER), within its request budget and rules, whatever \
            AUTO_DOWNLOAD_PRICE_DATA says. Runs in the background: follow it at GET /prices/backfill/{run_id}. \
            What is stored is never asked again, so a backfill stopped by a rate limit or a restart continues \
            where it stopped when started again. One runs at a time.""")
    @APIResponse(responseCode = "202", description = "Started", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BackfillView.class)))
    @APIResponse(responseCode = "400", description = "invalid_date, invalid_date_range or no_price_provider (no key set)", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "409", description = "A backfill is running already (its run_id is in the answer)", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    public Uni<Response> startBackfill(BackfillRequest request) {
        return Uni.createFrom().item(() -> {
            LocalDate from = Params.requiredDate("start_date", request == null ? null : request.startDate());
            LocalDate to = request.endDate() == null
                    ? LocalDate.now(AlphaVantageClient.MARKET_ZONE)
                    : Params.requiredDate("end_date", request.endDate());
            if (to.isBefore(from)) {
                throw ApiException.badRequest("invalid_date_range", "end_date must not be before start_date");
            }
            return Response.status(Response.Status.ACCEPTED).entity(view(backfill.start(from, to))).build();
        }).runSubscriptionOn(pools.blocking());
    }

    @GET
    @Path("/backfill/{run_id}")
    @Operation(operationId = "getBackfill", summary = "A backfill's progress and outcome")
    @APIResponse(responseCode = "200", description = "The backfill", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BackfillView.class)))
    @APIResponse(responseCode = "404", description = "not_found: no backfill with that id since the service started", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    public Uni<BackfillView> getBackfill(@PathParam("run_id") String runId) {
        return Uni.createFrom().optional(() -> backfill.find(runId)).onItem().ifNull()
                .failWith(() -> ApiException.notFound("No price backfill " + Params.safe(runId)))
                .map(this::view).runSubscriptionOn(pools.blocking());
    }

    private BackfillView view(PriceBackfill.Run run) {
        return new BackfillView(run.id(), run.provider(), run.from(), run.to(), run.status(),
                progress.findById(run.id()).orElse(null), run.warnings());
    }

    @POST
    @Path("/import")
    // Form type too: it is what `curl --data-binary @file` sends when no Content-Type is given.
    @Consumes({MediaType.APPLICATION_JSON, NDJSON, MediaType.APPLICATION_OCTET_STREAM, MediaType.TEXT_PLAIN,
            MediaType.APPLICATION_FORM_URLENCODED})
    @Operation(operationId = "importPrices", summary = "Import a price file", description = """
            The body is a price file: AI-Trader JSONL (one Alpha Vantage object per line, keys `1. buy price` / \
            `4. sell price`) or plain Alpha Vantage JSON (one object, or an array of them): TIME_SERIES_DAILY, \
            DIGITAL_CURRENCY_DAILY (quoted in USD), or the 60-minute intraday answers TIME_SERIES_INTRADAY \
            (`interval=60min`, US/Eastern) and CRYPTO_INTRADAY (UTC, USD), whose bars are stored beside the daily \
            ones by the time their bar starts (see GET /prices/coverage/intraday). \
            The whole file is stored in one transaction. Where stored rows exist for a symbol and date, the newer \
            import wins (counted as `replaced`; identical rows count as `unchanged`, so importing the same file \
            twice changes nothing). Bad rows (missing open, non-numeric or negative prices, invalid or \
            non-trading dates) are rejected with reasons without failing the file. The first real import removes \
            every synthetic row (`synthetic_removed`). Example: \
            `curl --data-binary @prices.jsonl -H 'Content-Type: application/x-ndjson' .../prices/import?name=prices.jsonl` \
            (without a Content-Type, curl's form type is accepted too).""")
    @RequestBody(required = true, description = "The price file's bytes", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON), @Content(mediaType = NDJSON),
            @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM), @Content(mediaType = MediaType.TEXT_PLAIN)})
    @APIResponse(responseCode = "200", description = "Rows inserted, replaced, unchanged and rejected", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportReport.class)))
    @APIResponse(responseCode = "400", description = "invalid_price_file: empty body, not JSON/JSONL, or a series "
            + "without Meta Data symbol or time series, an Alpha Vantage error answer, an intraday interval other than "
            + "60min, another time zone or quote currency; details give the line. Nothing is imported.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "415", description = "unsupported_media_type", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    public Uni<ImportReport> importPrices(
            @Parameter(description = "A name for the file in the report (default: upload)") @QueryParam("name") String name,
            byte[] body) {
        String fileName = name == null || name.isBlank() ? "upload" : name.strip();
        String shown = fileName.length() > 200 ? fileName.substring(0, 200) : fileName;
        // one transaction per file
        return Uni.createFrom().item(() -> importService.importBytes(shown, body)).runSubscriptionOn(pools.blocking());
    }

    @GET
    @Path("/coverage/intraday")
    @Operation(operationId = "getIntradayCoverage", summary = "Stored 60-minute bars per symbol", description = "The "
            + "first and last bar (by its start, in the market's time: New York for stocks, UTC for coins), the bar "
            + "count and source (file, alpha_vantage, or mixed) of every symbol with 60-minute bars (contract 13). "
            + "A day without stored bars trades on synthetic ones made from its daily bar.")
    @APIResponse(responseCode = "200", description = "Intraday coverage per symbol", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IntradayCoverage.Report.class)))
    public Uni<IntradayCoverage.Report> intradayCoverage() {
        return Uni.createFrom().item(() -> IntradayCoverage.Report.of(intraday.coverage()))
                .runSubscriptionOn(pools.blocking());
    }

    @GET
    @Path("/coverage")
    @Operation(operationId = "getPriceCoverage", summary = "Stored prices per symbol", description = "First and last date, row count and source "
            + "(file, alpha_vantage, synthetic, or mixed) and market (us, or cn for .SHH symbols) of every symbol; "
            + "`synthetic` is true when the data is the offline synthetic set. `market` keeps one market's symbols.")
    @APIResponse(responseCode = "200", description = "Coverage per symbol", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CoverageReport.class)))
    @APIResponse(responseCode = "400", description = "invalid_parameter: market is not us, cn or crypto", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    public Uni<CoverageReport> coverage(
            @Parameter(description = "Only this market's symbols: us, cn or crypto (default: all)") @QueryParam("market") String market) {
        Market only = market == null || market.isBlank()
                ? null
                : Market.byId(market).orElseThrow(() -> ApiException.invalidField("invalid_parameter", "market",
                        Params.safe(market), "market must be one of us, cn, crypto"));
        return Uni.createFrom()
                .item(() -> CoverageReport.from(repository.summary(), repository.listCoverage(), only))
                .runSubscriptionOn(pools.blocking());
    }
}
