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
import io.smallrye.common.annotation.Blocking;

/** GET /health (contract 2.8), used by Docker's health check. */
@Path("/health")
@Tag(name = "Health", description = "Whether the service can work: database, data directory, price data, worker")
public class HealthResource {

    private final HealthService health;

    HealthResource(HealthService health) {
        this.health = health;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Blocking // queries SQLite and writes a probe file
    @Operation(operationId = "getHealth", summary = "Service health: database, data directory, price data and worker")
    @APIResponse(responseCode = "200", description = "healthy", content = @Content(schema = @Schema(implementation = HealthReport.class)))
    @APIResponse(responseCode = "503", description = "unhealthy: the database is unreachable or the data directory is not writable", content = @Content(schema = @Schema(implementation = HealthReport.class)))
    @APIResponse(responseCode = "406", description = "not_acceptable: the Accept header excludes application/json", content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Response get() {
        HealthReport report = health.check();
        return Response.status(report.healthy() ? 200 : 503).entity(report).build();
    }
}
