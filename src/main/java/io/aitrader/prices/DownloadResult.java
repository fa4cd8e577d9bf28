package io.aitrader.prices;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one download run did: an outcome per requested symbol, the symbols that needed nothing, and, when Alpha
 * Vantage's rate limit (or a missing key) stopped the run, why and which symbols were never asked for.
 */
public record DownloadResult(List<SymbolDownload> downloads, List<String> upToDate, List<String> notAttempted,
        String stopReason) {

    public DownloadResult {
        downloads = List.copyOf(downloads);
        upToDate = List.copyOf(upToDate);
        notAttempted = List.copyOf(notAttempted);
    }

    /** True when the run stopped early; the caller turns {@link #stopReason()} into a job warning. */
    public boolean stopped() {
        return stopReason != null;
    }

    /** Every bar downloaded, for the caller to store. */
    public List<PriceBar> bars() {
        return downloads.stream().flatMap(d -> d.bars().stream()).toList();
    }

    /** Symbol to reason, for each symbol whose request failed (rate-limited included). */
    public Map<String, String> failures() {
        Map<String, String> failures = new LinkedHashMap<>();
        downloads.stream().filter(d -> !d.ok()).forEach(d -> failures.put(d.symbol(), d.reason()));
        return failures;
    }

    /** One readable line per problem, suitable as job warnings. */
    public List<String> warnings() {
        List<String> lines = new ArrayList<>();
        if (stopped()) {
            lines.add("price download stopped: " + stopReason
                    + (notAttempted.isEmpty() ? "" : " (" + notAttempted.size() + " symbols not downloaded)"));
        }
        downloads.stream().filter(d -> d.status() == SymbolDownload.Status.SYMBOL_FAILED)
                .forEach(d -> lines.add("price download failed for " + d.symbol() + ": " + d.reason()));
        return List.copyOf(lines);
    }
}
