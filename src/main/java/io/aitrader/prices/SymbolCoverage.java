package io.aitrader.prices;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The stored prices of one symbol; {@code source} is "mixed" when its rows came from several sources. */
public record SymbolCoverage(String symbol, @JsonProperty("first_date") LocalDate firstDate,
        @JsonProperty("last_date") LocalDate lastDate, long rows, String source) {

    public static final String MIXED = "mixed";
}
