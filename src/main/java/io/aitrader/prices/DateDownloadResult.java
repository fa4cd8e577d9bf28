package io.aitrader.prices;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What one Massive download run did: an outcome per date asked, the dates whose prices Massive had already answered
 * (stored bars of source {@code massive}), and, when the run stopped early (rate limit, unknown key, cancel), why and
 * which dates were never asked for. A date Massive answered is complete by nature: a symbol it lacks did not trade.
 */
public final class DateDownloadResult implements DownloadEvidence {

    private final List<DateDownload> downloads;
    private final Set<LocalDate> answeredBefore;
    private final List<LocalDate> notAttempted;
    private final String stopReason;
    /** Each date's outcome, for the per-symbol questions of {@link MissingPrices}. */
    private final Map<LocalDate, DateDownload> byDate = new HashMap<>();

    public DateDownloadResult(List<DateDownload> downloads, Set<LocalDate> answeredBefore,
            List<LocalDate> notAttempted, String stopReason) {
        this.downloads = List.copyOf(downloads);
        this.answeredBefore = Set.copyOf(answeredBefore);
        this.notAttempted = List.copyOf(notAttempted);
        this.stopReason = stopReason;
        downloads.forEach(d -> byDate.put(d.date(), d));
    }

    public List<DateDownload> downloads() {
        return downloads;
    }

    public List<LocalDate> notAttempted() {
        return notAttempted;
    }

    public String stopReason() {
        return stopReason;
    }

    public boolean stopped() {
        return stopReason != null;
    }

    /** Every bar downloaded, of every ticker answered. */
    public List<PriceBar> bars() {
        return downloads.stream().flatMap(d -> d.bars().stream()).toList();
    }

    @Override
    public Optional<String> dateNotDownloaded(LocalDate date) {
        DateDownload download = byDate.get(date);
        if (download != null) {
            return download.ok() ? Optional.empty() : Optional.of(download.reason());
        }
        return notAttempted.contains(date)
                ? Optional.of("never asked, the download stopped: " + stopReason)
                : Optional.empty();
    }

    @Override
    public boolean symbolNotDownloaded(String symbol) {
        return false; // Massive answers per date
    }

    @Override
    public boolean excused(String symbol, LocalDate date) {
        DateDownload download = byDate.get(date);
        return answeredBefore.contains(date) || download != null && download.ok();
    }

    @Override
    public List<String> warnings() {
        List<String> lines = new ArrayList<>();
        if (stopped()) {
            long remaining = notAttempted.size()
                    + downloads.stream().filter(d -> d.status() == DateDownload.Status.STOPPED).count();
            lines.add("price download stopped: " + stopReason + "; " + remaining + " of "
                    + (downloads.size() + notAttempted.size())
                    + " dates remain to download (the next trigger continues the download)");
        }
        List<DateDownload> refused = downloads.stream().filter(d -> d.status() == DateDownload.Status.REFUSED)
                .toList();
        if (!refused.isEmpty()) {
            lines.add("Massive's plan does not cover " + refused.size() + (refused.size() == 1 ? " date" : " dates")
                    + " (" + dates(refused) + "): " + refused.get(0).reason() + "; those days are skipped");
        }
        downloads.stream().filter(d -> d.status() == DateDownload.Status.FAILED)
                .forEach(d -> lines.add("price download failed for " + d.date() + ": " + d.reason()));
        return List.copyOf(lines);
    }

    private static String dates(List<DateDownload> downloads) {
        return downloads.size() <= 5
                ? downloads.stream().map(d -> d.date().toString()).collect(Collectors.joining(", "))
                : downloads.get(0).date() + " ... " + downloads.get(downloads.size() - 1).date();
    }
}
