package io.aitrader.prices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import io.aitrader.prices.DateDownload.Status;

/** Massive's grouped-daily answers, classified: the documented shapes and the broken ones. */
class MassiveResponseTest {

    private static final LocalDate DAY = LocalDate.parse("2025-10-14");

    @Test
    void theDocumentedAnswerGivesOneBarPerTickerWithFourDecimalsAtMost() {
        String body = """
                {"adjusted":true,"queryCount":2,"request_id":"6a7e466379af0a71039d60cc78e72282","results":[
                 {"T":"AAPL","c":247.77,"h":249.69,"l":245.56,"n":512345,"o":246.6,"t":1760472000000,"v":35477986,
                  "vw":247.6},
                 {"T":"TSLA","c":429.24,"h":435.4488731,"l":423.2,"n":1,"o":449.975,"t":1760472000000,"v":1.05E8}],
                 "resultsCount":2,"status":"OK"}
                """;

        DateDownload download = MassiveResponse.classify(DAY, 200, body);

        assertEquals(Status.OK, download.status());
        assertEquals(2, download.bars().size());
        PriceBar aapl = download.bars().get(0);
        assertEquals(new PriceBar("AAPL", DAY, new BigDecimal("246.6"), new BigDecimal("249.69"),
                new BigDecimal("245.56"), new BigDecimal("247.77"), 35_477_986L, PriceBar.SOURCE_MASSIVE), aapl);
        PriceBar tsla = download.bars().get(1);
        assertEquals(new BigDecimal("435.4489"), tsla.high());
        assertEquals(105_000_000L, tsla.volume());
    }

    @Test
    void aDelayedAnswerCountsAndRowsWithoutTickerOrOpenAreLeftOut() {
        String body = """
                {"status":"DELAYED","resultsCount":3,"results":[{"T":"AAPL","o":246.6,"c":247.77},
                 {"o":10.0},{"T":"MSFT","c":512.0},{"T":"NVDA","o":0}]}
                """;

        DateDownload download = MassiveResponse.classify(DAY, 200, body);

        assertEquals(Status.OK, download.status());
        assertEquals(1, download.bars().size());
        assertNull(download.bars().get(0).high());
        assertNull(download.bars().get(0).volume());
    }

    @Test
    void refusalsRateLimitsAndBrokenAnswersSayWhat() {
        assertEquals(Status.REFUSED, MassiveResponse.classify(DAY, 403, FakeMassive.PLAN_REFUSAL).status());
        assertEquals(Status.REFUSED, MassiveResponse.classify(DAY, 200, FakeMassive.PLAN_REFUSAL).status());
        DateDownload limited = MassiveResponse.classify(DAY, 429, FakeMassive.RATE_LIMIT);
        assertEquals(Status.STOPPED, limited.status());
        assertEquals(Status.STOPPED, MassiveResponse.classify(DAY, 429, "").status());
        assertEquals(Status.STOPPED, MassiveResponse.classify(DAY, 401, FakeMassive.UNKNOWN_KEY).status());
        assertEquals("Massive answered HTTP 404: Not found",
                MassiveResponse.classify(DAY, 404, "{\"status\":\"ERROR\",\"error\":\"Not found\"}").reason());
        assertEquals("Massive answered status ERROR: Could not parse the date",
                MassiveResponse.classify(DAY, 200, "{\"status\":\"ERROR\",\"error\":\"Could not parse the date\"}")
                        .reason());
        assertEquals("answer is not a JSON object (truncated or garbled)",
                MassiveResponse.classify(DAY, 200, "{\"status\":\"OK\",\"results\":[{\"T\":").reason());
        assertEquals("answer is not a JSON object (truncated or garbled)",
                MassiveResponse.classify(DAY, 200, "<html>gateway</html>").reason());
        assertEquals("answer's 'results' is not a list",
                MassiveResponse.classify(DAY, 200, "{\"status\":\"OK\",\"results\":{}}").reason());
        assertEquals(Status.OK, MassiveResponse.classify(DAY, 200, FakeMassive.NO_TRADING).status());
    }
}
