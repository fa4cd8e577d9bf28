package io.aitrader.platform;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * Answers a request refused for its size in the error shape and closes the connection, without losing the answer to
 * a client that is still sending.
 */
final class Refusal {

    private static final String SENT = "aitrader.refusal-sent";
    private static final long LINGER_MS = 5_000;

    private Refusal() {
    }

    static void send(RoutingContext context, int status, Buffer body) {
        context.put(SENT, Boolean.TRUE);
        HttpServerRequest request = context.request();
        HttpConnection connection = request.connection();
        context.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
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

    /** True once {@link #send} answered this request: later failures of its reader are the closing connection. */
    static boolean sent(RoutingContext context) {
        return context.get(SENT) != null;
    }
}
