package io.aitrader.prices;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The whole price store at a glance (for /health): dates are null when it is empty. */
public record PriceSummary(int symbols, @JsonProperty("first_date") LocalDate firstDate,
        @JsonProperty("last_date") LocalDate lastDate, long rows, boolean synthetic) {
}
