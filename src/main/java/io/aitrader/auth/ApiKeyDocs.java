package io.aitrader.auth;

import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

import io.aitrader.errors.ApiError;

/**
 * Declares the API keys in the OpenAPI document, so Swagger UI's "Authorize" can send one. Keys are optional (a
 * deployment without API_KEYS is open), hence the empty requirement set beside the two ways to send a key. The
 * protected resources refer to the shared 401 answer by {@link #UNAUTHORIZED}. The title and description come from
 * application.properties.
 */
@OpenAPIDefinition(info = @Info(title = "AI-Trader Server", version = "1.0.0"), securitySets = {
        @SecurityRequirementsSet(@SecurityRequirement(name = "api_key")),
        @SecurityRequirementsSet(@SecurityRequirement(name = "bearer")),
        @SecurityRequirementsSet}, components = @Components(responses = @APIResponse(name = ApiKeyDocs.UNAUTHORIZED, description = """
                unauthorized: the server requires an API key (API_KEYS or API_KEYS_FILE is set) and the request \
                has none, or a wrong one""", headers = @Header(name = "WWW-Authenticate", description = "Bearer", schema = @Schema(type = SchemaType.STRING)), content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))))
@SecurityScheme(securitySchemeName = "api_key", type = SecuritySchemeType.APIKEY, in = SecuritySchemeIn.HEADER, apiKeyName = ApiKeyFilter.HEADER, description = """
        Needed when the server sets API_KEYS or API_KEYS_FILE, on every endpoint but /health, /q/health/*, /docs, \
        /openapi.json and the dashboard page; a missing or wrong key is 401 unauthorized. The event stream also \
        takes it as the api_key query parameter.""")
@SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", description = "The same key as Authorization: Bearer <key>.")
public class ApiKeyDocs extends Application {

    /** The name of the shared 401 answer: {@code @APIResponse(responseCode = "401", ref = UNAUTHORIZED)}. */
    public static final String UNAUTHORIZED = "Unauthorized";
}
