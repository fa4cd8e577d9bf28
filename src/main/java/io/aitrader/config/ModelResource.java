package io.aitrader.config;

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
import io.aitrader.platform.concurrent.WorkerPools;
import io.smallrye.mutiny.Uni;

/**
 * Lists the models of a config file. Reading the file blocks, so the pipeline runs on the named worker pool
 * ({@code runSubscriptionOn}), never on the event loop.
 */
@Path("/models")
@Tag(name = "Configuration", description = "Config files and the models they define")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", ref = ApiKeyDocs.UNAUTHORIZED)
public class ModelResource {

    private final ConfigService configs;
    private final WorkerPools pools;

    public ModelResource(ConfigService configs, WorkerPools pools) {
        this.configs = configs;
        this.pools = pools;
    }

    @GET
    @Operation(operationId = "listModels", summary = "List the models of a config", description = "Signature, name, provider, basemodel and "
            + "enabled flag of every model in the config. API keys and base URLs are never shown.")
    @APIResponse(responseCode = "200", description = "The config's models", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ModelList.class)))
    @APIResponse(responseCode = "400", description = "`invalid_config_path`: the path is not a .json file inside "
            + "CONFIGS_DIR (or is malformed); `config_not_found`: no such file; `invalid_config`: the file has "
            + "problems, all listed in `details.problems`", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    public Uni<ModelList> list(@Parameter(description = "Config file as the seed writes it, e.g. "
            + "`configs/default_config.json` (the default when absent); it must resolve inside CONFIGS_DIR", example = "configs/default_config.json") @QueryParam("config_path") String configPath) {
        String path = configPath == null || configPath.isBlank() ? configs.defaultConfigPath() : configPath;
        return Uni.createFrom().item(() -> ModelList.from(path, configs.load(path)))
                .runSubscriptionOn(pools.blocking());
    }
}
