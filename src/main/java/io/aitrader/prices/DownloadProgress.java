package io.aitrader.prices;

import java.time.Duration;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A price download in progress, as the job status shows it ({@code progress.download}). */
@Schema(description = "Present while the job is downloading_data: the Alpha Vantage download of the symbols its "
        + "dates lack. symbols_done + symbols_failed + symbols_left = symbols_total.")
public record DownloadProgress(
        @Schema(description = "Symbols this download asks for (those missing a price in the job's range)") @JsonProperty("symbols_total") int symbolsTotal,
        @Schema(description = "Symbols downloaded and stored") @JsonProperty("symbols_done") int symbolsDone,
        @Schema(description = "Symbols whose request failed or was refused (rate limit)") @JsonProperty("symbols_failed") int symbolsFailed,
        @Schema(description = "Symbols not asked yet") @JsonProperty("symbols_left") int symbolsLeft,
        @Schema(description = "The request budget (ALPHAADVANTAGE_REQUESTS_PER_MINUTE)") @JsonProperty("requests_per_minute") int requestsPerMinute,
        @Schema(description = "Estimated seconds until every symbol is asked: symbols left × the slower of the budget's pace and the pace so far") @JsonProperty("eta_seconds") long etaSeconds) {

    /** The progress of a download started {@code elapsed} ago. */
    public static DownloadProgress of(int total, int done, int failed, int perMinute, Duration elapsed) {
        int left = Math.max(0, total - done - failed);
        int asked = done + failed;
        double budgetPace = 60.0 / Math.max(1, perMinute);
        double pace = asked == 0 ? budgetPace : Math.max(budgetPace, elapsed.toMillis() / 1000.0 / asked);
        return new DownloadProgress(total, done, failed, left, perMinute, (long) Math.ceil(left * pace));
    }

    /** The ETA for people: "45 s", "19 min 24 s", "2 h 5 min". */
    public static String readable(long seconds) {
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return seconds / 60 + " min" + (seconds % 60 == 0 ? "" : " " + seconds % 60 + " s");
        }
        return seconds / 3600 + " h" + (seconds % 3600 / 60 == 0 ? "" : " " + seconds % 3600 / 60 + " min");
    }
}
