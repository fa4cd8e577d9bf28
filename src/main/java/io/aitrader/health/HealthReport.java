package io.aitrader.health;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The body of GET /health (contract 2.8). */
@JsonInclude(JsonInclude.Include.ALWAYS)
@RegisterForReflection // native image: answered as a Response entity, so Quarkus cannot see the type
public record HealthReport(String status, String timestamp, Database database, Storage storage,
        @JsonProperty("price_data") PriceData priceData, Worker worker) {

    public record Database(String status, String path) {
    }

    public record Storage(@JsonProperty("data_directory") String dataDirectory, boolean writable,
            @JsonProperty("free_space_mb") long freeSpaceMb) {
    }

    public record PriceData(int symbols, @JsonProperty("first_date") String firstDate,
            @JsonProperty("last_date") String lastDate, String source, boolean synthetic) {
    }

    public record Worker(String status, @JsonProperty("active_jobs") int activeJobs) {
    }

    public boolean healthy() {
        return "healthy".equals(status);
    }
}
