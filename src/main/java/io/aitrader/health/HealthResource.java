package io.aitrader.health;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.aitrader.errors.ApiError;
import io.aitrader.platform.concurrent.WorkerPools;
import io.smallrye.mutiny.Uni;

/**
 * GET /health (contract 2.8), used by Docker's health check. It queries the database and writes a probe file, both
 * blocking, so the pipeline runs on the named worker pool ({@code runSubscriptionOn}), never on the event loop.
 */
@Path("/health")
@Tag(name = "Health", description = "Whether the service can work: database, data directory, price data, worker")
public class HealthResource {

    private final HealthService health;
    private final WorkerPools pools;

    HealthResource(HealthService health, WorkerPools pools) {
        this.health = health;
        this.pools = pools;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getHealth", summary = "Service health: database, data directory, price data and worker")
    @APIResponse(responseCode = "200", description = "healthy", content = @Content(schema = @Schema(implementation = HealthReport.class)))
    @APIResponse(responseCode = "503", description = "unhealthy: the database is unreachable or the data directory is not writable", content = @Content(schema = @Schema(implementation = HealthReport.class)))
    @APIResponse(responseCode = "406", description = "not_acceptable: the Accept header excludes application/json", content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Uni<Response> get() {
        return Uni.createFrom().item(health::check)
                .map(report -> Response.status(report.healthy() ? 200 : 503).entity(report).build())
                .runSubscriptionOn(pools.blocking());
    }
}
