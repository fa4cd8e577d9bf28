package io.aitrader.errors;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The contract's error body: a stable snake_case code, a message for people and optional details. A few answers
 * (409 conflict) also carry named fields at the top level, which {@code topLevel} holds.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@RegisterForReflection // native image: answered as a Response entity, so Quarkus cannot see the type
public record ApiError(String error, String message, Map<String, Object> details,
        @JsonIgnore Map<String, Object> topLevel) {

    public static ApiError of(String error, String message) {
        return new ApiError(error, message, null, null);
    }

    @JsonAnyGetter
    public Map<String, Object> extraFields() {
        return topLevel == null ? Map.of() : topLevel;
    }
}
