package io.aitrader.jobs;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonProperty;

/** 200 answer of a trigger with nothing left to run. */
public record UpToDate(String status, String message,
        @JsonProperty("last_simulation_date") LocalDate lastSimulationDate,
        @JsonProperty("next_trading_day") LocalDate nextTradingDay) {
}
