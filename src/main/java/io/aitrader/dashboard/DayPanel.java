package io.aitrader.dashboard;

import java.util.List;

/**
 * One model-day: its value and P&L, the trades and the reasoning summary (the same data as GET /results?detail=full).
 * {@code message} replaces the rest when there is nothing to show; {@code costs} says what trading cost under the job's
 * rules (blank when nothing did).
 */
record DayPanel(String model, String date, String message, String value, String profit, String returnPct,
        String profitClass, List<Trade> trades, List<String> positions, String summary, String steps,
        String tools, boolean stale, String costs, boolean inTrainingWindow) {

    /** {@code fill} and {@code costs} (commission plus slippage) are blank on a day traded without costs. */
    record Trade(String action, String symbol, String amount, String price, String fill, String total, String costs) {
    }

    static DayPanel empty(String model, String date, String message) {
        return new DayPanel(model, date, message, "", "", "", "flat", List.of(), List.of(), "", "", "", false, "",
                false);
    }
}
