package io.aitrader.prices;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The whole price store at a glance (for /health and /prices/coverage): dates and source are null when it is empty.
 * {@code source} is {@code imported} when any row came from a file or a download, else {@code sample} when the
 * shipped sample is there (synthetic days after it included), else {@code synthetic}.
 */
public record PriceSummary(int symbols, @JsonProperty("first_date") LocalDate firstDate,
        @JsonProperty("last_date") LocalDate lastDate, long rows, boolean synthetic, String source) {

    public static final String IMPORTED = "imported";

    static String source(long rows, long syntheticRows, long sampleRows) {
        if (rows == 0) {
            return null;
        }
        if (rows > syntheticRows + sampleRows) {
            return IMPORTED;
        }
        return sampleRows > 0 ? PriceBar.SOURCE_SAMPLE : PriceBar.SOURCE_SYNTHETIC;
    }
}
