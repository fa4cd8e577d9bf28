package io.aitrader.auth;

import java.util.Set;

/**
 * The routes that stay open when API keys are on: health checks (Docker and orchestrators probe them), the API
 * documentation, and the dashboard's page shell and static assets (the page asks for the key and sends it with every
 * data request). Paths are compared after normalisation, exactly or by a folder prefix.
 */
final class OpenPaths {

    private static final Set<String> EXACT = Set.of("/health", "/q/health", "/docs", "/openapi.json", "/", "/dashboard",
            "/favicon.ico");
    private static final String[] PREFIXES = {"/q/health/", "/docs/", "/assets/", "/webjars/"};
    private static final String EVENTS = "/simulate/events/";

    private OpenPaths() {
    }

    static boolean isOpen(String path) {
        if (path == null) {
            return false;
        }
        if (EXACT.contains(path)) {
            return true;
        }
        for (String prefix : PREFIXES) {
            if (path.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** The SSE stream, the one route that also accepts the key as a query parameter. */
    static boolean isEventStream(String path) {
        return path != null && path.startsWith(EVENTS);
    }
}
