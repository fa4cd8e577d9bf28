package io.aitrader.jobs;

import static io.aitrader.testing.Jobs.awaitEnd;
import static io.aitrader.testing.Jobs.trigger;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.aitrader.prices.FakeMassive;
import io.aitrader.prices.PriceBar;
import io.aitrader.prices.PriceRepository;
import io.aitrader.prices.TradingCalendar;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * A job's preparation on Massive: one request per missing trading day of its range and look-back, the job's symbols
 * stored with their source, a date the plan refuses skipped with the reason, and a later trigger asking only for
 * what is still missing.
 */
@QuarkusTest
@TestProfile(MassiveProfile.class)
class MassiveDownloadTest {

    private static final LocalDate FIRST = LocalDate.parse("2025-03-03");
    private static final LocalDate LAST = LocalDate.parse("2025-03-07");
    private static final LocalDate REFUSED = LocalDate.parse("2025-03-05");
    private static final Map<String, Object> MARCH = Map.of("config_path", "configs/downloads.json", "start_date",
            FIRST.toString(), "end_date", LAST.toString());

    FakeMassive massive;

    @Inject
    TradingCalendar calendar;

    @Inject
    PriceRepository prices;

    @Test
    void oneRequestPerMissingTradingDayARefusedDateSkippedAndTheNextTriggerAsksOnlyForIt() {
        // the preparation also fetches the 30 calendar days before the first date (the look-back)
        List<LocalDate> days = calendar.tradingDays(FIRST.minusDays(30), LAST);
        days.forEach(day -> massive.trades(day, opens(day)));
        massive.on(REFUSED, new FakeMassive.Reply(403, "{\"status\":\"NOT_AUTHORIZED\","
                + "\"request_id\":\"1e2a\",\"message\":\"Your plan doesn't include this data timeframe.\"}"));

        JsonPath first = awaitEnd(trigger(MARCH).then().statusCode(202).extract().path("job_id"));

        assertEquals(days, massive.requests.stream().map(r -> r.date()).toList(), "one request per trading day");
        List<Map<String, Object>> details = first.getList("progress.details");
        assertEquals(5, details.size());
        for (Map<String, Object> day : details) {
            if (day.get("date").equals(REFUSED.toString())) {
                assertEquals("skipped", day.get("status"), day.toString());
                assertTrue(String.valueOf(day.get("error")).contains("Massive's plan does not cover 2025-03-05: "
                        + "Your plan doesn't include this data timeframe."), day.toString());
            } else {
                assertEquals("completed", day.get("status"), day.toString());
            }
        }
        List<String> warnings = first.getList("warnings");
        assertTrue(warnings.stream().anyMatch(w -> w.startsWith("Massive's plan does not cover 1 date (2025-03-05)")),
                warnings.toString());
        List<PriceBar> stored = prices.listBars(List.of("AAPL", "QQQ", "ZZZZ"), FIRST, LAST);
        assertEquals(8, stored.size(),
                "AAPL and the benchmark on four days; other tickers of the answers are not kept");
        stored.forEach(bar -> assertEquals(PriceBar.SOURCE_MASSIVE, bar.source()));

        massive.trades(REFUSED, opens(REFUSED)); // the plan covers it now
        int before = massive.requests.size();
        JsonPath second = awaitEnd(trigger(MARCH).then().statusCode(202).extract().path("job_id"));

        assertEquals(List.of(REFUSED), massive.requests.subList(before, massive.requests.size()).stream()
                .map(r -> r.date()).toList(), "the dates already answered are not asked again");
        assertEquals(1, second.getInt("progress.completed"), second::prettify);
    }

    /** The job's symbols and one ticker it does not trade, with opens that move day by day. */
    private static Map<String, Double> opens(LocalDate day) {
        Map<String, Double> opens = new LinkedHashMap<>();
        int i = 0;
        for (String symbol : List.of("AAPL", "MSFT", "NVDA", "AMZN", "GOOGL", "META", "TSLA", "QQQ", "ZZZZ")) {
            opens.put(symbol, 100.0 + 10 * i++ + day.getDayOfMonth() * 0.5);
        }
        return opens;
    }
}
