package io.aitrader.jobs.events;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.aitrader.jobs.store.JobStatus;
import io.aitrader.jobs.store.ModelDayStatus;
import io.aitrader.jobs.store.Timestamps;
import io.aitrader.prices.DateDownload;
import io.aitrader.prices.SymbolDownload;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A progress event: {@code type} is "model_day" for a model-day state change, "download" for the price download
 * (status "started", then per {@code symbol} — Alpha Vantage — or per {@code date} — Massive — "downloaded",
 * "failed", "refused" (a date the plan does not cover) or "rate_limited"), or "job" when the job changes
 * phase or ends ({@code finished} true). Published on {@link JobAddresses#EVENTS} and sent to SSE clients.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@RegisterForReflection // native image: written and read with ObjectMapper outside REST
public record JobEvent(String type, @JsonProperty("job_id") String jobId, String status, String model,
        LocalDate date, String symbol, String error, boolean finished, String timestamp) {

    public static JobEvent modelDay(String jobId, String model, LocalDate date, ModelDayStatus status, String error) {
        return new JobEvent("model_day", jobId, status.wire(), model, date, null, error, false, Timestamps.now());
    }

    public static JobEvent job(String jobId, JobStatus status, String error) {
        return new JobEvent("job", jobId, status.wire(), null, null, null, error, !status.active(),
                Timestamps.now());
    }

    public static JobEvent download(String jobId, DateDownload outcome) {
        String status = switch (outcome.status()) {
            case OK -> "downloaded";
            case REFUSED -> "refused";
            case STOPPED -> "rate_limited";
            case FAILED -> "failed";
        };
        return new JobEvent("download", jobId, status, null, outcome.date(), null, outcome.reason(), false,
                Timestamps.now());
    }

    public static JobEvent downloadStarted(String jobId) {
        return new JobEvent("download", jobId, "started", null, null, null, null, false, Timestamps.now());
    }

    public static JobEvent download(String jobId, SymbolDownload outcome) {
        String status = switch (outcome.status()) {
            case OK -> "downloaded";
            case RATE_LIMITED -> "rate_limited";
            case SYMBOL_FAILED -> "failed";
        };
        return new JobEvent("download", jobId, status, null, null, outcome.symbol(), outcome.reason(), false,
                Timestamps.now());
    }
}
