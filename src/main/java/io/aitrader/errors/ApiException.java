package io.aitrader.errors;

import java.util.LinkedHashMap;
import java.util.Map;

/** A refusal with its HTTP status and contract error code; the message must be safe to show. */
public class ApiException extends RuntimeException {

    private final int status;
    private final String code;
    private final Map<String, Object> details;
    private final Map<String, Object> topLevel;

    public ApiException(int status, String code, String message, Map<String, Object> details) {
        this(status, code, message, details, null);
    }

    private ApiException(int status, String code, String message, Map<String, Object> details,
            Map<String, Object> topLevel) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.details = details == null ? null : new LinkedHashMap<>(details);
        this.topLevel = topLevel == null ? null : new LinkedHashMap<>(topLevel);
    }

    public static ApiException badRequest(String code, String message) {
        return new ApiException(400, code, message, null);
    }

    public static ApiException badRequest(String code, String message, Map<String, Object> details) {
        return new ApiException(400, code, message, details);
    }

    public static ApiException invalidField(String code, String field, Object value, String message) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("field", field);
        details.put("value", value);
        return new ApiException(400, code, message, details);
    }

    public static ApiException notFound(String message) {
        return new ApiException(404, "not_found", message, null);
    }

    /** A 409 whose fields appear both in {@code details} and at the top level, as the contract's trigger shows. */
    public static ApiException conflict(String message, Map<String, Object> fields) {
        return new ApiException(409, "conflict", message, fields, fields);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public ApiError toError() {
        return new ApiError(code, getMessage(), details, topLevel);
    }
}
