package io.aitrader.prices;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/** One symbol's stored 60-minute bars (contract 13): the first and last bar start, how many, where from. */
public record IntradayCoverage(String symbol, @JsonProperty("first_bar") String firstBar,
        @JsonProperty("last_bar") String lastBar, long bars, String source) {

    /** The answer of GET /prices/coverage/intraday. */
    public record Report(int symbols, List<IntradayCoverage> coverage) {

        static Report of(List<IntradayCoverage> coverage) {
            return new Report(coverage.size(), coverage);
        }
    }
}
