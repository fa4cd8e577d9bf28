package io.aitrader.platform;

import io.aitrader.errors.ApiError;

/**
 * The error body for a bare HTTP status, when the platform refuses a request before any application code could say
 * more (unknown path, wrong method or media type, request too large, malformed request): one table for the REST
 * mapper and for the Vert.x routes, so the same status always carries the same code.
 */
final class StatusErrors {

    private StatusErrors() {
    }

    static ApiError of(int status) {
        return switch (status) {
            case 400 -> ApiError.of("bad_request", "The request is not valid");
            case 401 -> ApiError.of("unauthorized", "A valid API key is required");
            case 403 -> ApiError.of("forbidden", "This request is not allowed");
            case 404 -> ApiError.of("not_found", "No such resource");
            case 405 -> ApiError.of("method_not_allowed", "This method is not allowed here");
            case 406 ->
                ApiError.of("not_acceptable", "This endpoint cannot answer in a media type the Accept header allows");
            case 408 -> ApiError.of("request_timeout", "The request did not arrive in time");
            case 411 -> ApiError.of("length_required", "The request needs a Content-Length");
            case 413 -> ApiError.of("payload_too_large", "The request body is too large");
            case 414 -> ApiError.of("uri_too_long", "The request line (method, path and query) is too long");
            case 415 -> ApiError.of("unsupported_media_type",
                    "This endpoint does not take a body of this Content-Type (the API takes application/json)");
            case 431 -> ApiError.of("headers_too_large", "The request headers are too large");
            case 503 -> ApiError.of("service_unavailable", "The service cannot answer right now; try again shortly");
            default -> status >= 500
                    ? ApiError.of("internal_error", "The server could not complete the request")
                    : ApiError.of("request_error", "The request is not valid");
        };
    }
}
