package io.aitrader.jobs;

import static io.aitrader.testing.Jobs.awaitEnd;
import static io.aitrader.testing.Jobs.trigger;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
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
import io.aitrader.testing.Await;
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

        int asked = massive.requests.size();
        JsonPath first = awaitEnd(trigger(MARCH).then().statusCode(202).extract().path("job_id"));

        assertEquals(days, massive.requests.subList(asked, massive.requests.size()).stream().map(r -> r.date())
                .toList(), "one request per trading day");
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

    @Test
    void aBackfillAsksOnlyForTheDatesStillMissingAndRefusesBadRanges() {
        LocalDate from = LocalDate.parse("2025-04-07");
        LocalDate to = LocalDate.parse("2025-04-11");
        calendar.tradingDays(from, to).forEach(day -> massive.trades(day, opens(day)));
        massive.on(LocalDate.parse("2025-04-09"), new FakeMassive.Reply(429, "{\"status\":\"ERROR\","
                + "\"error\":\"You've exceeded the maximum requests per minute\"}"));
        int before = massive.requests.size();

        String runId = given().contentType("application/json").body(Map.of("start_date", from.toString(), "end_date",
                to.toString())).post("/prices/backfill").then().statusCode(202).body("status", equalTo("running"))
                .body("provider", equalTo("massive")).extract().path("run_id");
        JsonPath stopped = awaitBackfill(runId);

        assertEquals("incomplete", stopped.getString("status"), stopped::prettify);
        assertTrue(stopped.getList("warnings").toString().contains("3 of 5 dates remain to download"),
                stopped::prettify);
        assertEquals(5, stopped.getInt("progress.symbols_total"), "five dates to ask; the third was refused");
        assertEquals(List.of(from, from.plusDays(1), from.plusDays(2)), massive.requests
                .subList(before, massive.requests.size()).stream().map(r -> r.date()).toList());

        massive.trades(LocalDate.parse("2025-04-09"), opens(LocalDate.parse("2025-04-09")));
        int resumed = massive.requests.size();
        JsonPath done = awaitBackfill(given().contentType("application/json").body(Map.of("start_date",
                from.toString(), "end_date", to.toString())).post("/prices/backfill").then().statusCode(202)
                .extract().path("run_id"));

        assertEquals("completed", done.getString("status"), done::prettify);
        assertEquals(List.of(from.plusDays(2), from.plusDays(3), from.plusDays(4)), massive.requests
                .subList(resumed, massive.requests.size()).stream().map(r -> r.date()).toList(),
                "it resumes where the first one stopped");

        given().contentType("application/json").body(Map.of("start_date", "2025-04-31")).post("/prices/backfill")
                .then().statusCode(400).body("error", equalTo("invalid_date"));
        given().contentType("application/json").body(Map.of("start_date", "2025-04-11", "end_date", "2025-04-07"))
                .post("/prices/backfill").then().statusCode(400).body("error", equalTo("invalid_date_range"));
        given().contentType("application/json").body("{}").post("/prices/backfill").then().statusCode(400)
                .body("error", equalTo("invalid_date"));
        given().get("/prices/backfill/no-such-run").then().statusCode(404);
    }

    private static JsonPath awaitBackfill(String runId) {
        return Await.until(Duration.ofSeconds(30), Duration.ofMillis(50),
                () -> given().get("/prices/backfill/" + runId).then().statusCode(200).extract().jsonPath(),
                status -> !status.getString("status").equals("running"), "the backfill to end");
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
