package io.aitrader.prices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.aitrader.prices.SymbolDownload.Status;

class AlphaVantageResponseTest {

    private static final LocalDate MON = LocalDate.parse("2025-10-27");
    private static final LocalDate TUE = MON.plusDays(1);

    @Test
    void readsAlphaVantageNamesInAnyOrderOldestFirst() {
        SymbolDownload result = AlphaVantageResponse.classify("AAPL", AlphaVantageBodies.daily("AAPL", TUE, MON));

        assertEquals(Status.OK, result.status());
        assertEquals(List.of(MON, TUE), result.bars().stream().map(PriceBar::date).toList());
        PriceBar tuesday = result.bars().get(1);
        assertEquals(new BigDecimal("100.5000"), tuesday.open());
        assertEquals(new BigDecimal("101.2500"), tuesday.close());
        assertEquals(new BigDecimal("102.0000"), tuesday.high());
        assertEquals(new BigDecimal("99.0000"), tuesday.low());
        assertEquals(1_000_000L, tuesday.volume());
        // the Monday row lists its keys in another order
        assertEquals(new BigDecimal("101.5000"), result.bars().get(0).open());
        assertEquals(new BigDecimal("102.2500"), result.bars().get(0).close());
        assertTrue(result.bars().stream().allMatch(b -> b.source().equals(PriceBar.SOURCE_ALPHA_VANTAGE)));
        assertTrue(result.bars().stream().allMatch(b -> b.symbol().equals("AAPL")));
    }

    @Test
    void readsAiTraderNamesAndRowsWithOnlyAnOpen() {
        String body = AlphaVantageBodies.aiTrader("MSFT", MON)
                .replace("\"Time Series (Daily)\":{",
                        "\"Time Series (Daily)\":{\"2025-10-30\":{\"1. buy price\":\"512.3400\"},");

        SymbolDownload result = AlphaVantageResponse.classify("MSFT", body);

        assertEquals(Status.OK, result.status());
        assertEquals(2, result.bars().size());
        assertEquals(new BigDecimal("100.5000"), result.bars().get(0).open());
        assertEquals(new BigDecimal("101.2500"), result.bars().get(0).close());
        PriceBar partial = result.bars().get(1);
        assertEquals(LocalDate.parse("2025-10-30"), partial.date());
        assertEquals(new BigDecimal("512.3400"), partial.open());
        assertNull(partial.close());
        assertNull(partial.high());
        assertNull(partial.volume());
    }

    @Test
    void noteAndInformationAreRateLimits() {
        SymbolDownload note = AlphaVantageResponse.classify("AAPL", AlphaVantageBodies.NOTE);
        SymbolDownload info = AlphaVantageResponse.classify("AAPL", AlphaVantageBodies.INFORMATION);

        assertEquals(Status.RATE_LIMITED, note.status());
        assertTrue(note.reason().contains("5 calls per minute"), note.reason());
        assertEquals(Status.RATE_LIMITED, info.status());
        assertTrue(info.reason().contains("premium plans"), info.reason());
    }

    @Test
    void errorMessageFailsTheSymbol() {
        SymbolDownload result = AlphaVantageResponse.classify("NOPE", FakeAlphaVantage.UNKNOWN_SYMBOL);

        assertEquals(Status.SYMBOL_FAILED, result.status());
        assertTrue(result.reason().startsWith("Alpha Vantage error: Invalid API call"), result.reason());
    }

    @Test
    void malformedAnswersFailWithAClearReason() {
        assertReason("<!DOCTYPE html><html><body>502 Bad Gateway</body></html>", "HTML");
        assertReason(AlphaVantageBodies.daily("AAPL", TUE, MON).substring(0, 150), "not valid JSON");
        assertReason("", "empty answer");
        assertReason("[1, 2]", "not a JSON object");
        assertReason("{\"Meta Data\": {\"2. Symbol\": \"AAPL\"}}", "no 'Time Series (Daily)'");
        assertReason(
                "{\"Time Series (Daily)\": {\"not-a-date\": {\"1. open\": \"1\"}, \"2025-10-27\": {\"2. high\": \"2\"}}}",
                "no usable rows");
    }

    @Test
    void readsTheRealQqqFile() {
        String body = new String(SamplePrices.content(SamplePrices.FILES.get(2)), StandardCharsets.UTF_8);

        SymbolDownload result = AlphaVantageResponse.classify("QQQ", body);

        assertEquals(Status.OK, result.status());
        assertEquals(100, result.bars().size());
        assertEquals(LocalDate.parse("2025-06-10"), result.bars().get(0).date());
        PriceBar last = result.bars().get(99);
        assertEquals(LocalDate.parse("2025-10-30"), last.date());
        assertEquals(new BigDecimal("632.1700"), last.open());
        assertEquals(new BigDecimal("626.0500"), last.close());
        assertEquals(59_633_599L, last.volume());
    }

    private static void assertReason(String body, String expected) {
        SymbolDownload result = AlphaVantageResponse.classify("AAPL", body);
        assertEquals(Status.SYMBOL_FAILED, result.status(), body);
        assertTrue(result.reason().contains(expected), result.reason());
        assertTrue(result.bars().isEmpty());
    }
}
