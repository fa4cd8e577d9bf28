package io.aitrader.prices;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one download run did: an outcome per requested symbol, the symbols that needed nothing, and, when Alpha
 * Vantage's rate limit (or a missing key, or a cancel) stopped the run, why and which symbols were never asked for.
 * {@code series} holds, per symbol downloaded, the dates its answer covered before the bars were cut to the range.
 */
public record DownloadResult(List<SymbolDownload> downloads, List<String> upToDate, List<String> notAttempted,
        String stopReason, Map<String, Series> series) implements DownloadEvidence {

    /** The first and last date of a successful answer's daily series. */
    public record Series(LocalDate first, LocalDate last) {
    }

    public DownloadResult {
        downloads = List.copyOf(downloads);
        upToDate = List.copyOf(upToDate);
        notAttempted = List.copyOf(notAttempted);
        series = Map.copyOf(series);
    }

    /** True when the run stopped early; the caller turns {@link #stopReason()} into a job warning. */
    public boolean stopped() {
        return stopReason != null;
    }

    /** Every bar downloaded. */
    public List<PriceBar> bars() {
        return downloads.stream().flatMap(d -> d.bars().stream()).toList();
    }

    /** Symbol to reason, for each symbol whose request failed (rate-limited included). */
    public Map<String, String> failures() {
        Map<String, String> failures = new LinkedHashMap<>();
        downloads.stream().filter(d -> !d.ok()).forEach(d -> failures.put(d.symbol(), d.reason()));
        return failures;
    }

    /** The symbols that needed a download and did not get one: refused, failed or not attempted. */
    public List<String> remaining() {
        List<String> remaining = new ArrayList<>(failures().keySet());
        remaining.addAll(notAttempted);
        return List.copyOf(remaining);
    }

    @Override
    public Optional<String> dateNotDownloaded(LocalDate date) {
        return Optional.empty();
    }

    @Override
    public boolean symbolNotDownloaded(String symbol) {
        return remaining().contains(symbol);
    }

    /** A successful answer whose series starts after the date (not listed yet) or spans it without that day. */
    @Override
    public boolean excused(String symbol, LocalDate date) {
        Series answered = series.get(symbol);
        return answered != null && !date.isAfter(answered.last());
    }

    @Override
    public List<String> warnings() {
        List<String> lines = new ArrayList<>();
        if (stopped()) {
            int needed = downloads.size() + notAttempted.size();
            lines.add("price download stopped: " + stopReason + "; " + remaining().size() + " of " + needed
                    + " symbols remain to download (the next trigger continues the download)");
        }
        downloads.stream().filter(d -> d.status() == SymbolDownload.Status.SYMBOL_FAILED)
                .forEach(d -> lines.add("price download failed for " + d.symbol() + ": " + d.reason()));
        return List.copyOf(lines);
    }
}
