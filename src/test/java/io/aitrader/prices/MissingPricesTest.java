package io.aitrader.prices;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** The rule for a complete date: which missing opens an answer or the store excuses, and which they do not. */
class MissingPricesTest {

    private static final LocalDate MON = LocalDate.parse("2025-03-03");
    private static final LocalDate WED = LocalDate.parse("2025-03-05");
    private static final LocalDate FRI = LocalDate.parse("2025-03-07");
    private static final List<String> SYMBOLS = List.of("AAPL", "NEWCO", "MSFT");

    /** AAPL trades every day; the others have opens only where listed. */
    private static BiPredicate<String, LocalDate> opens(String... symbolAtDate) {
        Set<String> opens = Set.of(symbolAtDate);
        return (symbol, date) -> symbol.equals("AAPL") || opens.contains(symbol + "@" + date);
    }

    private static DownloadResult downloaded(Map<String, DownloadResult.Series> series, List<SymbolDownload> failed,
            List<String> notAttempted) {
        return new DownloadResult(failed, List.of(), notAttempted, notAttempted.isEmpty() ? null : "refused",
                series);
    }

    @Test
    void aSymbolWhoseDownloadedSeriesStartsLaterWasNotListedYet() {
        DownloadResult result = downloaded(Map.of("NEWCO", new DownloadResult.Series(WED, FRI), "MSFT",
                new DownloadResult.Series(MON.minusYears(1), FRI)), List.of(), List.of());
        MissingPrices rule = MissingPrices.afterDownload(result, Map.of("NEWCO", WED));

        BiPredicate<String, LocalDate> opens = opens("MSFT@" + MON, "NEWCO@" + WED, "MSFT@" + WED);
        assertEquals(Optional.empty(), rule.check(MON, SYMBOLS, opens));
        assertEquals(Optional.empty(), rule.check(WED, SYMBOLS, opens));
    }

    @Test
    void aSymbolNeverDownloadedMakesTheDateIncompleteEvenIfOthersHaveIt() {
        DownloadResult result = downloaded(Map.of(), List.of(SymbolDownload.rateLimited("NEWCO", "refused")),
                List.of("MSFT"));
        MissingPrices rule = MissingPrices.afterDownload(result, Map.of());

        assertEquals(Optional.of("2 symbols not downloaded (NEWCO, MSFT)"), rule.check(MON, SYMBOLS, opens()));
    }

    @Test
    void aFailedDownloadIsNotExcusedEvenWhenTheStoreStartsLater() {
        DownloadResult result = downloaded(Map.of(), List.of(SymbolDownload.failed("NEWCO", "Invalid API call")),
                List.of());
        MissingPrices rule = MissingPrices.afterDownload(result, Map.of("NEWCO", FRI, "MSFT", MON));

        assertEquals(Optional.of("1 symbol not downloaded (NEWCO)"), rule.check(MON, SYMBOLS, opens("MSFT@" + MON)));
    }

    @Test
    void aDownloadedSeriesThatEndsBeforeTheDateDoesNotCoverIt() {
        DownloadResult result = downloaded(Map.of("NEWCO", new DownloadResult.Series(MON, WED), "MSFT",
                new DownloadResult.Series(MON, FRI)), List.of(), List.of());
        MissingPrices rule = MissingPrices.afterDownload(result, Map.of());

        assertEquals(Optional.of("no open for NEWCO"), rule.check(FRI, SYMBOLS, opens("MSFT@" + FRI)));
        assertEquals(Optional.empty(), rule.check(WED, SYMBOLS, opens("MSFT@" + WED)), "a day it did not trade");
    }

    @Test
    void withoutADownloadTheStoreDecides() {
        MissingPrices rule = MissingPrices.fromStore(Map.of("AAPL", MON, "NEWCO", WED));

        assertEquals(Optional.of("no open for MSFT"), rule.check(MON, SYMBOLS, opens()), "nothing stored at all");
        assertEquals(Optional.empty(), rule.check(MON, List.of("AAPL", "NEWCO"), opens()), "NEWCO listed later");
        assertEquals(Optional.of("no open for NEWCO"), rule.check(FRI, List.of("AAPL", "NEWCO"), opens()),
                "NEWCO traded before but has no open on Friday");
    }

    @Test
    void aDateWithoutAnyPriceSaysSo() {
        MissingPrices rule = MissingPrices.fromStore(Map.of());

        assertEquals(Optional.of("no prices for that date"),
                rule.check(MON, List.of("NEWCO", "MSFT"), (symbol, date) -> false));
    }

    @Test
    void manySymbolsAreCountedAndTheFirstFiveNamed() {
        List<String> symbols = IntStream.rangeClosed(1, 7).mapToObj(i -> "S" + i).toList();
        MissingPrices rule = MissingPrices.afterDownload(downloaded(Map.of(), List.of(), symbols), Map.of());

        assertEquals(Optional.of("7 symbols not downloaded (S1, S2, S3, S4, S5, ...)"),
                rule.check(MON, symbols, (symbol, date) -> false));
    }
}
