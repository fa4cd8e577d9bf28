package io.aitrader.jobs.trigger;

import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** 200 answer of a trigger with nothing left to run. */
@RegisterForReflection // native image: answered as a Response entity, so Quarkus cannot see the type
public record UpToDate(@Schema(required = true, enumeration = "current") String status, String message,
        @JsonProperty("last_simulation_date") LocalDate lastSimulationDate,
        @JsonProperty("next_trading_day") LocalDate nextTradingDay) {
}
