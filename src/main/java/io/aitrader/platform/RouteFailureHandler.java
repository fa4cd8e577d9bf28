package io.aitrader.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.logging.Log;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Failures of the Vert.x routes, outside Quarkus REST and its exception mappers (a request without a Host header, a
 * path not starting with '/', a failing platform route), answered in the contract's error shape. Quarkus' own last
 * failure handler would answer {@code {"details": "Error id …", "stack": …}}.
 */
@ApplicationScoped
public class RouteFailureHandler {

    /** After the routes' own failure handlers (the body limit's among them), before Quarkus' last one. */
    static final int ORDER = RouteConstants.ROUTE_ORDER_AFTER_DEFAULT + 1_000;

    private final ObjectMapper json;

    RouteFailureHandler(ObjectMapper json) {
        this.json = json;
    }

    void install(@Observes Router router) {
        router.route().order(ORDER).failureHandler(this::answer);
    }

    private void answer(RoutingContext context) {
        if (context.response().ended() || context.response().headWritten()) {
            return; // already answered, or too late to: the connection says the rest
        }
        int status = context.statusCode() >= 400 ? context.statusCode() : 500;
        Throwable failure = context.failure();
        if (status >= 500) {
            // the class and message stay in the log (never the stack); the client gets the generic answer
            Log.errorf("Unexpected route failure on %s %s: %s", context.request().method(), context.normalizedPath(),
                    failure == null
                            ? "status " + status
                            : failure.getClass().getSimpleName() + ": "
                                    + failure.getMessage());
        }
        try {
            context.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                    .end(json.writeValueAsString(StatusErrors.of(status)));
        } catch (JsonProcessingException e) {
            context.response().setStatusCode(500).end();
        }
    }
}
