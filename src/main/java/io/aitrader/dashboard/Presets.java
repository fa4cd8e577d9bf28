package io.aitrader.dashboard;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

/** Quick ranges for the chart and leaderboard, relative to the latest day with results. */
final class Presets {

    /** Early enough for any data: the API trims the range to the first day with results. */
    static final String ALL_START = "2000-01-01";

    private Presets() {
    }

    /** The quick ranges, keeping the chosen benchmark and market in the links. */
    static List<PerformancePanel.Preset> around(LocalDate end, String start, String endInput, String benchmark,
            String market) {
        String suffix = (benchmark.isEmpty()
                ? ""
                : "&benchmark=" + URLEncoder.encode(benchmark, StandardCharsets.UTF_8))
                + (market.isEmpty() ? "" : "&market=" + URLEncoder.encode(market, StandardCharsets.UTF_8));
        String ninety = end.minusDays(89).toString();
        String yearStart = end.withDayOfYear(1).toString();
        return List.of(
                new PerformancePanel.Preset("30 days", "?" + suffix.replaceFirst("^&", ""),
                        start.isEmpty() && endInput.isEmpty()),
                preset("90 days", ninety, start, endInput, suffix),
                preset("Year to date", yearStart, start, endInput, suffix),
                preset("All", ALL_START, start, endInput, suffix));
    }

    private static PerformancePanel.Preset preset(String label, String from, String start, String endInput,
            String suffix) {
        return new PerformancePanel.Preset(label, "?start_date=" + from + suffix,
                from.equals(start) && endInput.isEmpty());
    }
}
