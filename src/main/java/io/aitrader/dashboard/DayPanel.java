package io.aitrader.dashboard;

import java.util.List;

/**
 * One model-day: its value and P&L, the trades and the reasoning summary (the same data as GET /results?detail=full).
 * {@code message} replaces the rest when there is nothing to show.
 */
record DayPanel(String model, String date, String message, String value, String profit, String returnPct,
        String profitClass, List<Trade> trades, List<String> positions, String summary, String steps,
        String tools, boolean stale) {

    record Trade(String action, String symbol, long amount, String price, String total) {
    }

    static DayPanel empty(String model, String date, String message) {
        return new DayPanel(model, date, message, "", "", "", "flat", List.of(), List.of(), "", "", "", false);
    }
}
