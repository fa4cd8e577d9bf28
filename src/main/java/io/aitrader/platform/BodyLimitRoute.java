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
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * The 413 for a body larger than {@code quarkus.http.limits.max-body-size}, in the contract's error shape: Quarkus'
 * own limit answers with an empty body before any exception mapper runs, so this route runs just ahead of it. A
 * declared length is checked at once; a chunked body (no length) is buffered up to the limit here, which Quarkus REST
 * then reads as the body.
 */
@ApplicationScoped
public class BodyLimitRoute {

    private static final String REFUSED = "aitrader.body-refused";
    private static final long LINGER_MS = 5_000;

    private final long limit;
    private final String body;

    BodyLimitRoute(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize limit, ObjectMapper json)
            throws JsonProcessingException {
        this.limit = limit.asLongValue();
        this.body = json.writeValueAsString(new ApiError("payload_too_large",
                "The request body is larger than the server accepts", Map.of("max_bytes", this.limit), null));
    }

    void install(@Observes Router router) {
        BodyHandler chunked = BodyHandler.create(false).setBodyLimit(limit);
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(context -> check(context, chunked))
                .failureHandler(this::failed);
    }

    private void check(RoutingContext context, BodyHandler chunked) {
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && exceeds(length)) {
            refuse(context);
        } else if (length == null && context.request().getHeader(HttpHeaders.TRANSFER_ENCODING) != null) {
            chunked.handle(context); // buffers up to the limit, then fails the route with 413
        } else {
            context.next();
        }
    }

    private void failed(RoutingContext context) {
        if (context.get(REFUSED) != null) {
            return; // the connection closed under the refused body's reader: the answer is already out
        }
        if (context.statusCode() == 413 && !context.response().ended()) {
            refuse(context);
        } else {
            context.next();
        }
    }

    private void refuse(RoutingContext context) {
        context.put(REFUSED, Boolean.TRUE);
        HttpServerRequest request = context.request();
        HttpConnection connection = request.connection();
        context.response().setStatusCode(413).putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .putHeader(HttpHeaders.CONNECTION, "close").end(body);
        // Closing while the client still sends its body would reset the connection, and the client could lose this
        // answer: discard what is still coming for a moment first (a "lingering close").
        long timer = context.vertx().setTimer(LINGER_MS, id -> connection.close());
        if (!request.isEnded()) {
            request.handler(ignored -> {
            }).endHandler(done -> {
                context.vertx().cancelTimer(timer);
                connection.close();
            });
            request.resume();
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
