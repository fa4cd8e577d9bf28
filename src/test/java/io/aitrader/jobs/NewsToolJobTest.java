package io.aitrader.jobs;

import static io.aitrader.testing.Jobs.awaitEnd;
import static io.aitrader.testing.Jobs.trigger;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.aitrader.agent.SystemPrompt;
import io.aitrader.agent.llm.ChatJson;
import io.aitrader.agent.llm.OpenAiStandIn;
import io.aitrader.agent.llm.OpenAiStandIn.Recorded;
import io.aitrader.agent.llm.OpenAiStandIn.Reply;
import io.aitrader.platform.database.Storage;
import io.aitrader.prices.FakeAlphaVantage;
import io.aitrader.prices.TradingCalendar;
import io.aitrader.testing.Jobs;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * get_news end to end (contract 12): with an Alpha Vantage key the tool is offered, asks NEWS_SENTIMENT with
 * {@code time_to} a minute before the day's open (09:30 New York), and of a feed that mixes good articles with ones
 * published at or after the open, later ones and undated ones, only the good ones reach the model — on no path, not
 * the tool result, not the next requests, not the day's summary request, not the stored conversation.
 */
@QuarkusTest
@TestProfile(AlphaVantageProfile.class)
class NewsToolJobTest {

    static final String D1 = "2025-03-03";
    static final String D2 = "2025-03-04";
    /** Never shown on either day. */
    static final List<String> NEVER = List.of("UNDATED-Apple", "GARBLED-Apple", "FUTURE-Apple");
    /** Shown on D2 only: published at D1's open, and before D2's. */
    static final List<String> ONLY_LATER = List.of("AT-THE-OPEN-Apple", "NEXT-MORNING-Apple");
    static final String FEED = """
            {"items": "6", "sentiment_score_definition": "x <= -0.35: Bearish", "relevance_score_definition": "0-1",
             "feed": [
              {"title": "FUTURE-Apple split", "time_published": "20250310T120000", "summary": "earnings",
               "source": "Wire", "overall_sentiment_score": 0.3, "overall_sentiment_label": "Bullish"},
              {"title": "NEXT-MORNING-Apple earnings preview", "time_published": "20250304T080000",
               "summary": "earnings ahead", "source": "Wire", "overall_sentiment_score": 0.2,
               "overall_sentiment_label": "Somewhat-Bullish"},
              {"title": "AT-THE-OPEN-Apple opens higher", "time_published": "20250303T093000", "summary": "earnings",
               "source": "Wire", "overall_sentiment_score": 0.1, "overall_sentiment_label": "Neutral"},
              {"title": "UNDATED-Apple rumour", "summary": "earnings", "source": "Blog"},
              {"title": "GARBLED-Apple", "time_published": "n/a", "summary": "earnings", "source": "Blog"},
              {"title": "GOOD-OLD-Apple supplier earnings beat", "time_published": "20250228T160000",
               "summary": "A supplier reported strong earnings.", "source": "Desk", "overall_sentiment_score": 0.25,
               "overall_sentiment_label": "Somewhat-Bullish"}]}
            """;
    private static final Pattern DATE = Pattern.compile(SystemPrompt.DATE_LINE + "(\\d{4}-\\d{2}-\\d{2})");

    FakeAlphaVantage alphaVantage;

    @Inject
    TradingCalendar calendar;

    @Inject
    @Storage
    DataSource dataSource;

    @Test
    void onlyArticlesPublishedBeforeTheOpenReachTheModel() {
        Jobs.awaitIdle();
        alphaVantage.reset();
        StandInSeries.serve(alphaVantage, calendar);
        alphaVantage.ok("NEWS_SENTIMENT", FEED);
        try (OpenAiStandIn llm = OpenAiStandIn.start()) {
            llm.otherwise(NewsToolJobTest::answer);
            System.setProperty("LLM_STANDIN_URL", llm.root());
            System.setProperty("LLM_STANDIN_KEY", LlmJobTest.KEY);
            String jobId = trigger(Map.of("config_path", "configs/news_e2e.json", "start_date", D1, "end_date", D2,
                    "replace_existing", true)).then().statusCode(202).extract().path("job_id");
            JsonPath status = awaitEnd(jobId);
            assertEquals("completed", status.getString("status"), status::prettify);

            List<Map<String, String>> asked = alphaVantage.newsAsked();
            assertEquals(4, asked.size(), asked.toString());
            assertEquals("AAPL", asked.get(0).get("tickers"));
            assertEquals("20250303T0929", asked.get(0).get("time_to"), "a minute before 09:30 New York");
            assertEquals("LATEST", asked.get(0).get("sort"));
            assertEquals("stand-in-key", asked.get(0).get("apikey"));
            assertEquals("earnings", asked.get(1).get("topics"));
            assertEquals("20250304T0929", asked.get(2).get("time_to"));

            List<JsonNode> bodies = llm.bodies();
            assertTrue(bodies.get(0).path("tools").toString().contains("\"get_news\""), "the tool is offered");
            // the days of one model run in order, and a day's summary request (no tools, no system prompt of the
            // day) follows its turns: it belongs to the day of the request before it
            String day = "";
            int day1 = 0;
            int summaries = 0;
            for (JsonNode body : bodies) {
                String text = body.toString();
                day = dayOf(body).isEmpty() ? day : dayOf(body);
                summaries += body.has("tools") ? 0 : 1;
                String on = day;
                NEVER.forEach(bad -> assertFalse(text.contains(bad), bad + " reached the model on " + on));
                if (D1.equals(day)) {
                    day1++;
                    ONLY_LATER.forEach(bad -> assertFalse(text.contains(bad), bad + " reached the model on " + D1));
                }
            }
            assertEquals(4, day1, "D1: three turns and the summary");
            assertEquals(2, summaries, "a summary request each day");
            assertTrue(bodies.stream().filter(b -> D2.equals(dayOf(b))).anyMatch(
                    b -> b.toString().contains("NEXT-MORNING-Apple")), "D2 sees what was published before its open");

            String stored = given().queryParam("job_id", jobId).queryParam("date", D1).queryParam("full", "true")
                    .get("/reasoning").then().statusCode(200).extract().asString();
            assertTrue(stored.contains("GOOD-OLD-Apple"), stored);
            NEVER.forEach(bad -> assertFalse(stored.contains(bad), bad + " was stored"));
            ONLY_LATER.forEach(bad -> assertFalse(stored.contains(bad), bad + " was stored for " + D1));
            int calls = given().queryParam("date", D1).queryParam("model", "news-e2e-gpt")
                    .queryParam("detail", "full").get("/results").then().statusCode(200).extract()
                    .path("results[0].ai_reasoning.tool_usage.get_news");
            assertEquals(2, calls, "counted in tool usage");
        } finally {
            alphaVantage.reset();
            emptyThePriceStore();
        }
    }

    /** The profile's other tests start from an empty price store: what this test downloaded goes. */
    private void emptyThePriceStore() {
        Jobs.awaitIdle();
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.executeUpdate("DELETE FROM price_data");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String dayOf(JsonNode body) {
        Matcher date = DATE.matcher(body.path("messages").get(0).path("content").asText());
        return date.find() ? date.group(1) : "";
    }

    /** Each day: news of AAPL, then news on earnings, then done; the summary request gets a sentence. */
    static Reply answer(Recorded request) {
        JsonNode body = request.json();
        if (!body.has("tools")) {
            return Reply.ok(ChatJson.text("Read the news, kept the cash."));
        }
        int turns = 0;
        for (JsonNode message : body.path("messages")) {
            turns += message.path("role").asText().equals("assistant") ? 1 : 0;
        }
        return switch (turns) {
            case 0 ->
                Reply.ok(ChatJson.tools("News first.", ChatJson.call("n1", "get_news", "{\"tickers\":\"AAPL\"}")));
            case 1 -> Reply.ok(ChatJson.tools("And earnings.", ChatJson.call("n2", "get_news",
                    "{\"query\":\"earnings\"}")));
            default -> Reply.ok(ChatJson.text("Nothing to trade. " + SystemPrompt.FINISH_SIGNAL));
        };
    }
}
