package io.aitrader.prices;

import java.time.LocalDate;
import java.util.List;

/** What one Massive grouped-daily request gave for one date: every ticker's bar of that day, or why there are none. */
public record DateDownload(LocalDate date, Status status, List<PriceBar> bars, String reason, int attempts) {

    /** How the answer was classified. */
    public enum Status {
        /** The day's bars (none on a day without trading). */
        OK,
        /** The plan does not cover this date (too old, or not yet available); other dates go on. */
        REFUSED,
        /** Massive refuses every request for now (rate limit, unknown key): the whole run must stop. */
        STOPPED,
        /** This date failed (broken answer, server errors past the retries); other dates go on. */
        FAILED
    }

    public DateDownload {
        bars = List.copyOf(bars);
    }

    static DateDownload ok(LocalDate date, List<PriceBar> bars) {
        return new DateDownload(date, Status.OK, bars, null, 1);
    }

    static DateDownload refused(LocalDate date, String reason) {
        return new DateDownload(date, Status.REFUSED, List.of(), reason, 1);
    }

    static DateDownload stopped(LocalDate date, String reason) {
        return new DateDownload(date, Status.STOPPED, List.of(), reason, 1);
    }

    static DateDownload failed(LocalDate date, String reason) {
        return new DateDownload(date, Status.FAILED, List.of(), reason, 1);
    }

    public boolean ok() {
        return status == Status.OK;
    }

    DateDownload withAttempts(int count) {
        return new DateDownload(date, status, bars, reason, count);
    }

    DateDownload withReason(String text) {
        return new DateDownload(date, status, bars, text, attempts);
    }
}
