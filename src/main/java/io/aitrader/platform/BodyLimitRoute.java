package io.aitrader.platform;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.aitrader.errors.ApiError;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * The 413 for a body larger than {@code quarkus.http.limits.max-body-size}, in the contract's error shape: Quarkus'
 * own limit answers with an empty body before any exception mapper runs, so this route runs just ahead of it (and
 * after the API-key check, so nobody unauthenticated makes the server buffer a body). A declared length is checked at
 * once; a chunked body (no length) is buffered up to the limit here, which Quarkus REST then reads as the body.
 */
@ApplicationScoped
public class BodyLimitRoute {

    private final long limit;
    private final Buffer body;

    BodyLimitRoute(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize limit, ObjectMapper json)
            throws JsonProcessingException {
        this.limit = limit.asLongValue();
        this.body = Buffer.buffer(json.writeValueAsBytes(new ApiError("payload_too_large",
                "The request body is larger than the server accepts", Map.of("max_bytes", this.limit), null)));
    }

    void install(@Observes Router router) {
        BodyHandler chunked = BodyHandler.create(false).setBodyLimit(limit);
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(context -> check(context, chunked))
                .failureHandler(this::failed);
    }

    private void check(RoutingContext context, BodyHandler chunked) {
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && exceeds(length)) {
            Refusal.send(context, 413, body);
        } else if (length == null && context.request().getHeader(HttpHeaders.TRANSFER_ENCODING) != null) {
            chunked.handle(context); // buffers up to the limit, then fails the route with 413
        } else {
            context.next();
        }
    }

    private void failed(RoutingContext context) {
        if (Refusal.sent(context)) {
            return; // the connection closed under the refused body's reader: the answer is already out
        }
        if (context.statusCode() == 413 && !context.response().ended()) {
            Refusal.send(context, 413, body);
        } else {
            context.next();
        }
    }

    private boolean exceeds(String length) {
        try {
            return Long.parseLong(length.trim()) > limit;
        } catch (NumberFormatException e) {
            return false; // Vert.x itself refuses a malformed Content-Length
        }
    }
}
