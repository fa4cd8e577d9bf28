package io.aitrader.prices;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiPredicate;

/**
 * Decides whether a date's prices are complete (docs/architecture.md, "Complete dates"): each of the job's symbols
 * has an open that day, unless what is known shows it did not trade then. After a download its evidence decides
 * ({@link DownloadEvidence}): on Alpha Vantage a successful answer whose series starts after the date (not listed
 * yet) or spans it without that day excuses the symbol; on Massive a date's answer excuses every symbol it lacks; a
 * refused, failed or never attempted request never does. Without a download, only the store can tell: a symbol whose
 * first stored bar is after the date was not listed yet.
 */
public final class MissingPrices {

    private static final int NAMED = 5;

    private final DownloadEvidence download;
    private final Map<String, LocalDate> firstStored;

    private MissingPrices(DownloadEvidence download, Map<String, LocalDate> firstStored) {
        this.download = download;
        this.firstStored = Map.copyOf(firstStored);
    }

    /** No download ran (none allowed, or no key): the store alone decides. */
    public static MissingPrices fromStore(Map<String, LocalDate> firstStored) {
        return new MissingPrices(null, firstStored);
    }

    /** A download ran for the job's symbols and showed {@code result}. */
    public static MissingPrices afterDownload(DownloadEvidence result, Map<String, LocalDate> firstStored) {
        return new MissingPrices(result, firstStored);
    }

    /** Why {@code date} cannot run with these {@code symbols}, or empty when its prices are complete. */
    public Optional<String> check(LocalDate date, Collection<String> symbols, BiPredicate<String, LocalDate> hasOpen) {
        boolean any = false;
        Optional<String> dateNotDownloaded = download == null ? Optional.empty() : download.dateNotDownloaded(date);
        List<String> notDownloaded = new ArrayList<>();
        List<String> noOpen = new ArrayList<>();
        for (String symbol : symbols) {
            if (hasOpen.test(symbol, date)) {
                any = true;
            } else if (dateNotDownloaded.isPresent()
                    || download != null && download.symbolNotDownloaded(symbol)) {
                notDownloaded.add(symbol);
            } else if (!excused(symbol, date)) {
                noOpen.add(symbol);
            }
        }
        List<String> reasons = new ArrayList<>();
        if (!notDownloaded.isEmpty()) {
            reasons.add(count(notDownloaded) + " not downloaded (" + names(notDownloaded) + ")"
                    + dateNotDownloaded.map(why -> ": " + why).orElse(""));
        }
        if (!any && notDownloaded.isEmpty()) {
            reasons.add("no prices for that date");
        } else if (!noOpen.isEmpty()) {
            reasons.add("no open for " + (noOpen.size() == 1
                    ? noOpen.get(0)
                    : count(noOpen) + " (" + names(noOpen)
                            + ")"));
        }
        return reasons.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", reasons));
    }

    /** Whether what is known shows that {@code symbol} did not trade on {@code date}. */
    private boolean excused(String symbol, LocalDate date) {
        if (download != null && download.excused(symbol, date)) {
            return true;
        }
        LocalDate first = firstStored.get(symbol);
        return first != null && first.isAfter(date);
    }

    private static String count(List<String> symbols) {
        return symbols.size() + (symbols.size() == 1 ? " symbol" : " symbols");
    }

    private static String names(List<String> symbols) {
        return String.join(", ", symbols.subList(0, Math.min(NAMED, symbols.size())))
                + (symbols.size() > NAMED ? ", ..." : "");
    }
}
