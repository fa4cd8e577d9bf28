package io.aitrader.auth;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.aitrader.errors.ApiError;
import io.quarkus.logging.Log;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.impl.HttpServerRequestInternal;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Requires an API key on every route but the open ones ({@link OpenPaths}) when keys are configured. A Vert.x route
 * rather than a REST filter, so that /q/metrics and the other non-REST routes are covered too. The key comes as
 * {@code X-API-Key} or {@code Authorization: Bearer}; the SSE stream also takes an {@code api_key} query parameter,
 * since a browser's EventSource cannot send headers.
 */
@ApplicationScoped
public class ApiKeyFilter {

    static final String HEADER = "X-API-Key";
    static final String QUERY_PARAMETER = "api_key";

    /** The request-context key where Quarkus' HTTP metrics look for the route template (see ObservabilityUtil). */
    private static final String URL_PATH_TEMPLATE = "UrlPathTemplate";

    /**
     * After the platform's own first handlers (CORS, headers, body), before the body-size limit and every route added
     * without an order (those count up from 0): the /q/ sub-router with /q/metrics, static files, REST.
     */
    static final int ORDER = RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 10;

    private Buffer missing;
    private Buffer invalid;

    void install(@Observes Router router, ApiKeys keys, ObjectMapper json) {
        if (!keys.enabled()) {
            Log.info("API keys are off: every endpoint is open (set API_KEYS or API_KEYS_FILE to require one)");
            return;
        }
        missing = body(json, "A valid API key is required: send it as X-API-Key or Authorization: Bearer");
        invalid = body(json, "The API key is not valid");
        int count = keys.names().size();
        Log.infof("API keys are on: %d %s (%s)", count, count == 1 ? "key" : "keys", String.join(", ", keys.names()));
        router.route().order(ORDER).handler(context -> check(context, keys));
    }

    private void check(RoutingContext context, ApiKeys keys) {
        String path = context.normalizedPath();
        String presented = presented(context.request(), path);
        Optional<String> name = keys.match(presented);
        if (name.isPresent()) {
            context.put(ApiKeys.KEY_NAME, name.get()); // also on open routes: the dashboard page shows data with it
        } else if (!OpenPaths.isOpen(path)) {
            refusedPathLabel(context);
            context.response().setStatusCode(401).putHeader("Content-Type", "application/json")
                    .putHeader("WWW-Authenticate", "Bearer").end(presented == null ? missing : invalid);
            return;
        }
        context.next();
    }

    /**
     * Names the route of a refused request for the HTTP server metrics the way Quarkus REST names matched routes;
     * otherwise every refused path (random ones included) would become a series of its own.
     */
    private static void refusedPathLabel(RoutingContext context) {
        if (context.request() instanceof HttpServerRequestInternal request) {
            request.context().putLocal(URL_PATH_TEMPLATE, "UNAUTHORIZED");
        }
    }

    private static String presented(HttpServerRequest request, String path) {
        String key = request.getHeader(HEADER);
        if (key == null) {
            String authorization = request.getHeader("Authorization");
            if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
                key = authorization.substring(7);
            }
        }
        if (key == null && OpenPaths.isEventStream(path)) {
            key = request.getParam(QUERY_PARAMETER);
        }
        return key == null || key.isBlank() ? null : key.strip();
    }

    private static Buffer body(ObjectMapper json, String message) {
        try {
            return Buffer.buffer(json.writeValueAsBytes(ApiError.of("unauthorized", message)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
