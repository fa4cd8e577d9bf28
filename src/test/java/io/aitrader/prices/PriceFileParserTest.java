package io.aitrader.prices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.aitrader.errors.ApiException;

class PriceFileParserTest {

    private final PriceFileParser parser = new PriceFileParser(new ObjectMapper(), new TradingCalendar());

    static String series(String symbol, String days) {
        return "{\"Meta Data\": {\"1. Information\": \"Daily Prices\", \"2. Symbol\": \"" + symbol + "\"}, "
                + "\"Time Series (Daily)\": {" + days + "}}";
    }

    private ParsedPrices parse(String text) {
        return parser.parse(text.getBytes(StandardCharsets.UTF_8), PriceBar.SOURCE_FILE);
    }

    private ApiException refused(String text) {
        ApiException e = assertThrows(ApiException.class, () -> parse(text));
        assertEquals(400, e.status());
        assertEquals("invalid_price_file", e.code());
        return e;
    }

    /**
     * DIGITAL_CURRENCY_DAILY in Alpha Vantage's current form ("Meta Data": "2. Digital Currency Code", "4. Market
     * Code"; "Time Series (Digital Currency Daily)" rows "1. open" … "5. volume") and its older one ("1a. open (USD)"
     * beside "1b. open (USD)", …): every calendar day is a trading day, the volume is kept in whole coins.
     */
    @Test
    void digitalCurrencyDailyInBothFormsWithWeekendDays() {
        String current = """
                {"Meta Data": {"1. Information": "Daily Prices and Volumes for Digital Currency",
                 "2. Digital Currency Code": "BTC", "3. Digital Currency Name": "Bitcoin", "4. Market Code": "USD",
                 "5. Market Name": "United States Dollar", "6. Last Refreshed": "2025-10-05 00:00:00",
                 "7. Time Zone": "UTC"},
                 "Time Series (Digital Currency Daily)": {
                  "2025-10-05": {"1. open": "122232.21000000", "2. high": "125708.42000000",
                                 "3. low": "121500.00000000", "4. close": "123513.69000000", "5. volume": "45.76416024"},
                  "2025-10-04": {"1. open": "122391.00000000", "2. high": "122945.00000000",
                                 "3. low": "121662.00000000", "4. close": "122232.21000000", "5. volume": "12.5"}}}
                """;
        String older = """
                {"Meta Data": {"2. Digital Currency Code": "eth", "4. Market Code": "USD"},
                 "Time Series (Digital Currency Daily)": {
                  "2025-10-04": {"1a. open (USD)": "4513.12345678", "1b. open (USD)": "4513.12345678",
                                 "4a. close (USD)": "4488.90000000", "4b. close (USD)": "4488.90000000",
                                 "5. volume": "1000.9", "6. market cap (USD)": "4488.9"}}}
                """;
        ParsedPrices parsed = parse(current + older);
        assertEquals(List.of("BTC", "ETH"), List.copyOf(parsed.symbols()));
        assertTrue(parsed.rejects().isEmpty(), parsed.rejects().toString());
        PriceBar sunday = parsed.bars().stream().filter(b -> b.date().equals(LocalDate.of(2025, 10, 5))).findFirst()
                .orElseThrow();
        assertEquals(new BigDecimal("122232.21000000"), sunday.open());
        assertEquals(new BigDecimal("123513.69000000"), sunday.close());
        assertEquals(45L, sunday.volume());
        PriceBar eth = parsed.bars().stream().filter(b -> b.symbol().equals("ETH")).findFirst().orElseThrow();
        assertEquals(new BigDecimal("4513.12345678"), eth.open(), "eight decimals kept");
        assertEquals(1000L, eth.volume());

        ApiException euro = refused(current.replace("\"4. Market Code\": \"USD\"", "\"4. Market Code\": \"EUR\""));
        assertTrue(euro.getMessage().contains("quoted in USD"), euro.getMessage());
    }

    @Test
    void aiTraderJsonlWithBuyAndSellPrice() {
        String jsonl = series("AAPL", """
                "2025-10-29": {"1. buy price": "269.2750", "2. high": "271.4100", "3. low": "267.1100",
                "4. sell price": "269.7000", "5. volume": "51086742"}""".replace("\n", " ")) + "\n"
                + series("msft", "\"2025-10-29\": {\"1. buy price\": \"500.1\"}") + "\n\n";
        ParsedPrices parsed = parse(jsonl);
        assertEquals(List.of("AAPL", "MSFT"), List.copyOf(parsed.symbols()));
        assertEquals(2, parsed.bars().size());
        PriceBar aapl = parsed.bars().get(0);
        assertEquals(new PriceBar("AAPL", LocalDate.of(2025, 10, 29), new BigDecimal("269.2750"),
                new BigDecimal("271.4100"), new BigDecimal("267.1100"), new BigDecimal("269.7000"), 51086742L,
                PriceBar.SOURCE_FILE), aapl);
        PriceBar msft = parsed.bars().get(1);
        assertEquals(new BigDecimal("500.1"), msft.open());
        assertNull(msft.close());
        assertNull(msft.high());
        assertNull(msft.volume());
        assertTrue(parsed.rejects().isEmpty());
    }

    @Test
    void alphaVantageNamesInAnyOrderWithNumbers() {
        String json = series("QQQ", """
                "2025-10-28": {"5. volume": 61195733, "4. close": "632.9200", "3. low": 629.25,
                  "2. high": "634.6800", "1. open": "630.3600"},
                "2025-10-27": {"4. close": "628.09", "1. open": "624.52"}""");
        ParsedPrices parsed = parse("  \n" + json.replace("{\"Meta", "{\n  \"Meta") + "\n");
        assertEquals(2, parsed.bars().size());
        PriceBar bar = parsed.bars().get(0);
        assertEquals(LocalDate.of(2025, 10, 28), bar.date());
        assertEquals(new BigDecimal("630.3600"), bar.open());
        assertEquals(0, new BigDecimal("629.25").compareTo(bar.low()));
        assertEquals(new BigDecimal("632.9200"), bar.close());
        assertEquals(61195733L, bar.volume());
        assertEquals(new BigDecimal("628.09"), parsed.bars().get(1).close());
    }

    @Test
    void keyOrderDoesNotMatterAtTheTopLevelEither() {
        String json = "{\"Time Series (Daily)\": {\"2025-10-27\": {\"1. open\": \"1.5\"}}, "
                + "\"Meta Data\": {\"2. Symbol\": \"ABC\"}}";
        assertEquals("ABC", parse(json).bars().get(0).symbol());
    }

    @Test
    void arrayOfAlphaVantageObjects() {
        String json = "[" + series("AAA", "\"2025-10-27\": {\"1. open\": \"1\"}") + ",\n"
                + series("BBB", "\"2025-10-27\": {\"1. open\": \"2\"}, \"2025-10-24\": {\"1. open\": \"3\"}") + "]";
        ParsedPrices parsed = parse(json);
        assertEquals(List.of("AAA", "BBB"), List.copyOf(parsed.symbols()));
        assertEquals(3, parsed.bars().size());
    }

    @Test
    void badRowsAreRejectedWithReasonsAndTheRestKept() {
        String json = series("AAPL", """
                "2025-10-29": {"1. buy price": "269.2750"},
                "2025-10-28": {"2. high": "271.4100", "4. sell price": "269.7000"},
                "2025-10-27": {"1. buy price": "abc"},
                "2025-10-24": {"1. buy price": "-5"},
                "2025-13-01": {"1. buy price": "1"},
                "2025-10-25": {"1. buy price": "1"},
                "2025-07-04": {"1. buy price": "1"},
                "2025-10-23": {"1. buy price": "1", "5. volume": "12.5"},
                "2025-10-22": "oops",
                "2999-01-02": {"1. buy price": "1"}""");
        ParsedPrices parsed = parse(json);
        assertEquals(1, parsed.bars().size());
        Map<String, String> reasons = parsed.rejects().stream()
                .collect(Collectors.toMap(PriceReject::date, PriceReject::reason));
        assertEquals(9, reasons.size());
        assertEquals("missing open price", reasons.get("2025-10-28"));
        assertTrue(reasons.get("2025-10-27").contains("not a number"));
        assertEquals("open must be positive", reasons.get("2025-10-24"));
        assertTrue(reasons.get("2025-13-01").contains("YYYY-MM-DD"));
        assertTrue(reasons.get("2025-10-25").contains("not a trading day"), "a Saturday");
        assertTrue(reasons.get("2025-07-04").contains("not a trading day"), "Independence Day");
        assertTrue(reasons.get("2025-10-23").contains("volume"));
        assertTrue(reasons.get("2025-10-22").contains("not a JSON object"));
        assertTrue(reasons.get("2999-01-02").contains("future"));
        assertTrue(parsed.rejects().stream().allMatch(r -> r.symbol().equals("AAPL")));
    }

    @Test
    void malformedFilesAreRefusedAsAWhole() {
        refused("");
        refused("   \n  ");
        refused("this is not json");
        refused("42");
        ApiException truncated = refused(series("AAA", "\"2025-10-27\": {\"1. open\": \"1\"}") + "\n"
                + "{\"Meta Data\": {\"2. Symbol\": \"BBB\"}, \"Time Series (Daily)\": {\"2025-10-27\": {\"1. op\n"
                + series("CCC", "\"2025-10-27\": {\"1. open\": \"1\"}") + "\n");
        assertEquals(2, truncated.toError().details().get("line"));
        ApiException noSeries = refused(series("AAA", "\"2025-10-27\": {\"1. open\": \"1\"}") + "\n"
                + "{\"Meta Data\": {\"2. Symbol\": \"BBB\"}}\n");
        assertEquals(2, noSeries.toError().details().get("line"));
        assertEquals("BBB", noSeries.toError().details().get("symbol"));
        refused("{\"Meta Data\": {\"1. Information\": \"x\"}, \"Time Series (Daily)\": {}}");
        refused("{\"Time Series (Daily)\": {\"2025-10-27\": {\"1. open\": \"1\"}}}");
        refused("{\"Note\": \"Thank you for using Alpha Vantage! Our standard API rate limit is 25 requests\"}");
        refused("[1, 2]");
        refused(series("AAA", "") + " trailing garbage");
    }

    @Test
    void everySampleFileParsesWithoutRejects() {
        for (String name : SamplePrices.FILES) {
            ParsedPrices parsed = parser.parse(SamplePrices.content(name), PriceBar.SOURCE_FILE);
            assertTrue(parsed.rejects().isEmpty(), name + ": " + parsed.rejects());
            assertTrue(parsed.bars().size() >= 100);
        }
    }
}
