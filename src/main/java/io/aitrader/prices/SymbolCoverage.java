package io.aitrader.prices;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.aitrader.market.Market;

/**
 * The stored prices of one symbol; {@code source} is "mixed" when its rows came from several sources; {@code market}
 * the market its form names (contract 12: .SHH is cn, any other us).
 */
public record SymbolCoverage(String symbol, @JsonProperty("first_date") LocalDate firstDate,
        @JsonProperty("last_date") LocalDate lastDate, long rows, String source, String market) {

    public static final String MIXED = "mixed";

    public SymbolCoverage(String symbol, LocalDate firstDate, LocalDate lastDate, long rows, String source) {
        this(symbol, firstDate, lastDate, rows, source, Market.ofSymbol(symbol).id());
    }
}
