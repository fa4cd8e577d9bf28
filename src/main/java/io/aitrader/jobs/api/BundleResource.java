package io.aitrader.jobs.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.aitrader.auth.ApiKeyDocs;
import io.aitrader.auth.Caller;
import io.aitrader.errors.ApiError;
import io.aitrader.jobs.bundle.BundleExport;
import io.aitrader.jobs.bundle.BundleImport;
import io.aitrader.platform.concurrent.WorkerPools;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/** Run bundles (contract 9): export an ended job so that anyone can import it and verify it by a free replay. */
@Path("/simulate")
@Tag(name = "Simulation jobs")
@APIResponse(responseCode = "401", ref = ApiKeyDocs.UNAUTHORIZED)
public class BundleResource {

    static final String GZIP = "application/gzip";

    private final BundleExport exports;
    private final BundleImport imports;
    private final WorkerPools pools;

    BundleResource(BundleExport exports, BundleImport imports, WorkerPools pools) {
        this.exports = exports;
        this.imports = imports;
        this.pools = pools;
    }

    @GET
    @Path("/jobs/{job_id}/bundle")
    @Produces({GZIP, MediaType.APPLICATION_JSON})
    @Operation(operationId = "exportJobBundle", summary = "An ended job as a run bundle", description = """
            One gzip file of JSON lines, versioned (header line `{"type":"header","format":"ai-trader-run-bundle",\
            "version":1,…}`): the job with its config (API keys are never stored, so none is in it), its \
            model-days, the price rows its days read, every recorded model call (request as sent, response as \
            received) and the results; the last line holds the line count and the SHA-256 of every line before it. \
            Import it elsewhere with POST /simulate/bundles and replay it there with `replay_of` to verify the run \
            without paying for it.""")
    @APIResponse(responseCode = "200", description = "The bundle file", content = @Content(mediaType = GZIP, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "404", description = "not_found", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "409", description = "job_not_ended: the job is still active", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    public Uni<Response> export(@PathParam("job_id") String jobId) {
        return Uni.createFrom().optional(() -> exports.export(jobId))
                .onItem().ifNull().failWith(() -> JobService.noSuchJob(jobId))
                .map(bundle -> Response.ok(bundle, GZIP).header("Content-Disposition",
                        "attachment; filename=\"job-" + jobId + ".bundle.jsonl.gz\"").build())
                .runSubscriptionOn(pools.blocking());
    }

    @POST
    @Path("/bundles")
    @Consumes({GZIP, "application/x-gzip", MediaType.APPLICATION_OCTET_STREAM})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "importJobBundle", summary = "Import a run bundle", description = """
            Stores the bundle's job and model-days as recorded, its recorded model calls, and the price rows this \
            instance lacks (stored ones are kept; the answer counts those that differ) — not its results: trigger \
            `{"replay_of": "<job_id>"}` to reproduce them here from the recordings, with no provider contacted. The \
            whole bundle is checked first; a malformed, truncated or altered one imports nothing.""")
    @RequestBody(required = true, description = "The bundle file as GET /simulate/jobs/{job_id}/bundle gave it", content = {
            @Content(mediaType = GZIP, schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "201", description = "Imported", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BundleImport.Imported.class)))
    @APIResponse(responseCode = "400", description = "invalid_bundle (not gzip, not JSON lines, truncated, or its hash or a call's request hash does not match), unsupported_bundle_version", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "409", description = "job_exists: a job with the bundle's id is already stored here", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    public Uni<Response> importBundle(byte[] body, @Context RoutingContext http) {
        String caller = Caller.of(http);
        return Uni.createFrom().item(() -> imports.importBundle(body, caller))
                .map(imported -> Response.status(201).entity(imported).build())
                .runSubscriptionOn(pools.blocking());
    }
}
