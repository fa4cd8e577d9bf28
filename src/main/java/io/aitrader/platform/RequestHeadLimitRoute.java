package io.aitrader.platform;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.aitrader.errors.ApiError;
import io.quarkus.logging.Log;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The 414 for an over-long request line and the 431 for over-large headers, in the contract's error shape. Vert.x'
 * HTTP codec refuses both itself, with an empty body and before any route, so its limits are set well above the
 * service's ({@link HttpLimits}) and this first route of all enforces the real ones, counted as the codec counts
 * them: the request line without its CRLF, and each "Name: value" header line.
 */
@ApplicationScoped
public class RequestHeadLimitRoute {

    /** Before every route that reads the request, the API-key check included (ApiKeyFilter.ORDER). */
    static final int ORDER = RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 20;

    private final int maxLine;
    private final long maxHeaders;
    private final Buffer lineTooLong;
    private final Buffer headersTooLarge;

    RequestHeadLimitRoute(HttpLimits limits, ObjectMapper json,
            @ConfigProperty(name = "quarkus.http.limits.max-initial-line-length") int codecLine,
            @ConfigProperty(name = "quarkus.http.limits.max-header-size") MemorySize codecHeaders)
            throws JsonProcessingException {
        this.maxLine = limits.maxRequestLine();
        this.maxHeaders = limits.maxHeaderSize().asLongValue();
        this.lineTooLong = body(json, 414, "max_request_line_bytes", maxLine);
        this.headersTooLarge = body(json, 431, "max_header_bytes", maxHeaders);
        if (codecLine <= maxLine || codecHeaders.asLongValue() <= maxHeaders) {
            Log.warnf("The HTTP codec's limits (%s-byte request line, %s-byte headers) are not above the service's "
                    + "(%s, %s): requests between them get an empty answer", codecLine, codecHeaders.asLongValue(),
                    maxLine, maxHeaders);
        }
    }

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(this::check);
    }

    private void check(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (requestLine(request) > maxLine) {
            Refusal.send(context, 414, lineTooLong);
        } else if (headerBytes(request.headers()) > maxHeaders) {
            Refusal.send(context, 431, headersTooLarge);
        } else {
            context.next();
        }
    }

    /** "GET /results?date=… HTTP/1.1": one byte per character, as the codec reads it. */
    private static long requestLine(HttpServerRequest request) {
        String version = switch (request.version()) {
            case HTTP_1_0 -> "HTTP/1.0";
            case HTTP_1_1 -> "HTTP/1.1";
            case HTTP_2 -> "HTTP/2";
        };
        return request.method().name().length() + 1L + request.uri().length() + 1L + version.length();
    }

    private static long headerBytes(MultiMap headers) {
        long bytes = 0;
        for (Map.Entry<String, String> header : headers) {
            bytes += header.getKey().length() + 2L + header.getValue().length();
        }
        return bytes;
    }

    private static Buffer body(ObjectMapper json, int status, String detail, long limit)
            throws JsonProcessingException {
        ApiError error = StatusErrors.of(status);
        return Buffer.buffer(json.writeValueAsBytes(new ApiError(error.error(), error.message(),
                Map.of(detail, limit), null)));
    }
}
