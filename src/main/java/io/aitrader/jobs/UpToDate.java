package io.aitrader.jobs;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** 200 answer of a trigger with nothing left to run. */
@RegisterForReflection // native image: answered as a Response entity, so Quarkus cannot see the type
public record UpToDate(String status, String message,
        @JsonProperty("last_simulation_date") LocalDate lastSimulationDate,
        @JsonProperty("next_trading_day") LocalDate nextTradingDay) {
}
