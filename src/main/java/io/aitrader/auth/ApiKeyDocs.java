package io.aitrader.auth;

import jakarta.ws.rs.core.Application;

import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * Declares the API keys in the OpenAPI document, so Swagger UI's "Authorize" can send one. Keys are optional (a
 * deployment without API_KEYS is open), hence the empty requirement set beside the two ways to send a key. The
 * title and description come from application.properties.
 */
@OpenAPIDefinition(info = @Info(title = "AI-Trader Server", version = "1.0.0"), securitySets = {
        @SecurityRequirementsSet(@SecurityRequirement(name = "api_key")),
        @SecurityRequirementsSet(@SecurityRequirement(name = "bearer")), @SecurityRequirementsSet})
@SecurityScheme(securitySchemeName = "api_key", type = SecuritySchemeType.APIKEY, in = SecuritySchemeIn.HEADER, apiKeyName = ApiKeyFilter.HEADER, description = """
        Needed when the server sets API_KEYS or API_KEYS_FILE, on every endpoint but /health, /q/health/*, /docs, \
        /openapi.json and the dashboard page; a missing or wrong key is 401 unauthorized. The event stream also \
        takes it as the api_key query parameter.""")
@SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", description = "The same key as Authorization: Bearer <key>.")
public class ApiKeyDocs extends Application {
}
