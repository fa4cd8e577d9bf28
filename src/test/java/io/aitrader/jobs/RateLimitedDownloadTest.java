package io.aitrader.jobs;

import static io.aitrader.testing.Jobs.awaitEnd;
import static io.aitrader.testing.Jobs.trigger;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.aitrader.prices.FakeAlphaVantage;
import io.aitrader.prices.TradingCalendar;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * A first download that hits the free tier's rate limit does not shrink the universe: the days wait for the symbols
 * not downloaded, and the next trigger asks only for those.
 */
@QuarkusTest
@TestProfile(AlphaVantageProfile.class)
class RateLimitedDownloadTest {

    private static final Map<String, Object> MARCH = Map.of("config_path", "configs/downloads.json", "start_date",
            "2025-03-03", "end_date", "2025-03-07");
    private static final List<String> REMAINING = List.of("AMZN", "GOOGL", "META", "TSLA", "QQQ");

    FakeAlphaVantage alphaVantage;

    @Inject
    TradingCalendar calendar;

    @BeforeEach
    void script() {
        alphaVantage.reset();
        StandInSeries.serve(alphaVantage, calendar);
    }

    @Test
    void daysWaitForTheSymbolsNotDownloadedAndTheNextTriggerAsksOnlyForThose() {
        alphaVantage.limitAfter(3);
        JsonPath first = awaitEnd(trigger(MARCH).then().statusCode(202).extract().path("job_id"));

        assertEquals(List.of("AAPL", "MSFT", "NVDA", "AMZN"), alphaVantage.symbolsAsked(), "stopped at the Note");
        List<Map<String, Object>> days = first.getList("progress.details");
        assertEquals(5, days.size());
        for (Map<String, Object> day : days) {
            assertEquals("skipped", day.get("status"), day.toString());
            assertTrue(String.valueOf(day.get("error")).endsWith(
                    "are incomplete: 5 symbols not downloaded (AMZN, GOOGL, META, TSLA, QQQ)"), day.toString());
        }
        assertEquals("failed", first.getString("status"), "no day could run");
        List<String> warnings = first.getList("warnings");
        assertTrue(warnings.stream().anyMatch(w -> w.startsWith("price download stopped: Alpha Vantage refused:")
                && w.contains("5 of 8 symbols remain to download")), warnings.toString());

        alphaVantage.unlimited();
        int before = alphaVantage.requestCount();
        JsonPath second = awaitEnd(trigger(MARCH).then().statusCode(202).extract().path("job_id"));

        assertEquals(REMAINING, alphaVantage.symbolsAsked().subList(before, alphaVantage.requestCount()),
                "the symbols already stored are not asked again");
        assertEquals("completed", second.getString("status"), second::prettify);
        assertEquals(5, second.getInt("progress.completed"));
        assertTrue(second.getList("warnings").isEmpty(), second.getList("warnings").toString());
    }
}
