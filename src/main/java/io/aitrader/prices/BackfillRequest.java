package io.aitrader.prices;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Body of POST /prices/backfill. */
public record BackfillRequest(
        @Schema(description = "First date (YYYY-MM-DD)", required = true, example = "2025-01-02") @JsonProperty("start_date") String startDate,
        @Schema(description = "Last date (YYYY-MM-DD); absent means today", example = "2025-10-31") @JsonProperty("end_date") String endDate) {
}
