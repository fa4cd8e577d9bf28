package io.aitrader.prices;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.aitrader.auth.ApiKeyDocs;
import io.aitrader.errors.ApiError;
import io.aitrader.platform.concurrent.WorkerPools;
import io.smallrye.mutiny.Uni;

/**
 * Price data endpoints (contract 2.7): import a price file, show what is stored. Their JDBC work blocks, so each
 * pipeline runs on the named worker pool ({@code runSubscriptionOn}), never on the event loop.
 */
@Path("/prices")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Prices", description = "Daily price data: import files, inspect coverage")
@APIResponse(responseCode = "401", ref = ApiKeyDocs.UNAUTHORIZED)
public class PriceResource {

    static final String NDJSON = "application/x-ndjson";

    private final PriceImportService importService;
    private final PriceRepository repository;
    private final WorkerPools pools;

    @Inject
    public PriceResource(PriceImportService importService, PriceRepository repository, WorkerPools pools) {
        this.importService = importService;
        this.repository = repository;
        this.pools = pools;
    }

    @POST
    @Path("/import")
    // Form type too: it is what `curl --data-binary @file` sends when no Content-Type is given.
    @Consumes({MediaType.APPLICATION_JSON, NDJSON, MediaType.APPLICATION_OCTET_STREAM, MediaType.TEXT_PLAIN,
            MediaType.APPLICATION_FORM_URLENCODED})
    @Operation(operationId = "importPrices", summary = "Import a price file", description = """
            The body is a price file: AI-Trader JSONL (one Alpha Vantage object per line, keys `1. buy price` / \
            `4. sell price`) or plain Alpha Vantage TIME_SERIES_DAILY JSON (one object, or an array of them). \
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
            + "without Meta Data symbol or Time Series (Daily); details give the line. Nothing is imported.", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
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
    @Path("/coverage")
    @Operation(operationId = "getPriceCoverage", summary = "Stored prices per symbol", description = "First and last date, row count and source "
            + "(file, alpha_vantage, synthetic, or mixed) of every symbol; `synthetic` is true when the data is "
            + "the offline synthetic set.")
    @APIResponse(responseCode = "200", description = "Coverage per symbol", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CoverageReport.class)))
    public Uni<CoverageReport> coverage() {
        return Uni.createFrom().item(() -> CoverageReport.from(repository.summary(), repository.listCoverage()))
                .runSubscriptionOn(pools.blocking());
    }
}
