package io.aitrader.platform;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import io.aitrader.errors.ApiError;
import io.aitrader.errors.ApiException;
import io.quarkus.logging.Log;

/** The one place that turns any failure into the contract's error body; internals never leave the server. */
public class ErrorMapper {

    // SQLITE_BUSY 5, SQLITE_LOCKED 6, SQLITE_READONLY 8, SQLITE_IOERR 10, SQLITE_FULL 13, SQLITE_CANTOPEN 14
    private static final Set<Integer> STORAGE_CODES = Set.of(5, 6, 8, 10, 13, 14);

    @ServerExceptionMapper
    public Response api(ApiException e) {
        return respond(e.status(), e.toError());
    }

    @ServerExceptionMapper
    public Response unknownField(UnrecognizedPropertyException e) {
        return respond(400, new ApiError("unknown_field", "The body has a field this endpoint does not accept",
                Map.of("field", e.getPropertyName()), null));
    }

    @ServerExceptionMapper
    public Response wrongType(MismatchedInputException e) {
        String field = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : String.valueOf(ref.getIndex()))
                .collect(Collectors.joining("."));
        Map<String, Object> details = field.isEmpty() ? null : Map.of("field", field);
        return respond(400, new ApiError("invalid_type",
                field.isEmpty()
                        ? "The body does not have the expected JSON structure"
                        : "Field '" + field + "' has the wrong type",
                details, null));
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e) {
        Map<String, Object> details = new LinkedHashMap<>();
        if (e.getLocation() != null) {
            details.put("line", e.getLocation().getLineNr());
            details.put("column", e.getLocation().getColumnNr());
        }
        return respond(400, new ApiError("invalid_json", "The body is not valid JSON",
                details.isEmpty() ? null : details, null));
    }

    @ServerExceptionMapper
    public Response constraint(ConstraintViolationException e) {
        String problems = e.getConstraintViolations().stream()
                .map(v -> lastNode(v.getPropertyPath().toString()) + " " + v.getMessage())
                .sorted().collect(Collectors.joining("; "));
        return respond(400, ApiError.of("invalid_parameter", problems));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        // Quarkus REST wraps body-parsing failures; answer them with the specific JSON codes.
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof UnrecognizedPropertyException u) {
                return unknownField(u);
            } else if (cause instanceof MismatchedInputException m) {
                return wrongType(m);
            } else if (cause instanceof JsonProcessingException j) {
                return malformedJson(j);
            }
        }
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e);
        }
        return respond(status, StatusErrors.of(status));
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        // The class name and message stay in the log (never the stack); the client gets a generic answer.
        if (storageUnavailable(e)) {
            Log.errorf("The database refused a request: %s%s", e.getMessage(),
                    e.getCause() == null ? "" : " (" + e.getCause().getMessage() + ")");
            return respond(503, ApiError.of("storage_unavailable",
                    "The database cannot be written or read right now (read-only or full disk?); see GET /health"));
        }
        Log.errorf("Unexpected failure: %s: %s%s", e.getClass().getSimpleName(), e.getMessage(),
                e.getCause() == null ? "" : " (cause: " + e.getCause().getMessage() + ")");
        Log.debug("Unexpected failure", e);
        return respond(500, ApiError.of("internal_error", "The server could not complete the request"));
    }

    /** SQLite's I/O, read-only, full-disk, cannot-open and lock result codes: the storage, not the request. */
    private static boolean storageUnavailable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && STORAGE_CODES.contains(sql.getErrorCode() & 0xff)) {
                return true;
            }
        }
        return false;
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }

    private static Response respond(int status, ApiError body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }
}
