package io.aitrader.agent.news;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.aitrader.market.Market;

/**
 * The feed filter of get_news on an answer in NEWS_SENTIMENT's documented shape ("items", "feed" of articles with
 * title, url, time_published YYYYMMDDTHHMMSS, summary, source, overall_sentiment_score/label, ticker_sentiment).
 */
class NewsFeedTest {

    /** The simulated moment of Monday 2025-03-03 on the US market: 09:30 New York, 14:30 UTC. */
    static final Instant MOMENT = Market.US.openOn(java.time.LocalDate.of(2025, 3, 3));

    static final String FEED = """
            {"items": "6", "sentiment_score_definition": "x <= -0.35: Bearish; ...",
             "relevance_score_definition": "0 < x <= 1",
             "feed": [
              {"title": "AFTER-THE-OPEN Apple jumps", "url": "https://n.example/1", "time_published": "20250303T093000",
               "summary": "s", "source": "Wire", "overall_sentiment_score": 0.4, "overall_sentiment_label": "Bullish",
               "ticker_sentiment": [{"ticker": "AAPL", "relevance_score": "0.9", "ticker_sentiment_score": "0.5",
                                     "ticker_sentiment_label": "Bullish"}]},
              {"title": "NO-DATE Apple rumours", "url": "https://n.example/2", "summary": "s", "source": "Blog"},
              {"title": "BAD-DATE Apple", "url": "https://n.example/3", "time_published": "yesterday", "summary": "s"},
              {"title": "Apple earnings preview", "url": "https://n.example/4", "time_published": "20250303T092900",
               "summary": "Analysts expect   strong iPhone sales.", "source": "Wire", "overall_sentiment_score": "0.21",
               "overall_sentiment_label": "Somewhat-Bullish"},
              {"title": "Chip stocks slide", "url": "https://n.example/5", "time_published": "20250228T160000",
               "summary": "Semiconductors fell on Friday.", "source": "Desk", "overall_sentiment_score": -0.3,
               "overall_sentiment_label": "Somewhat-Bearish"}]}
            """;

    private static JsonNode feed() throws Exception {
        return new ObjectMapper().readTree(FEED);
    }

    @Test
    void articlesAtOrAfterTheMomentAndUndatedOnesNeverPass() throws Exception {
        JsonNode out = NewsFeed.toJson(feed(), MOMENT, List.of(), "tickers AAPL");
        assertEquals(List.of("Apple earnings preview", "Chip stocks slide"), out.path("articles").findValuesAsText(
                "title"));
        assertEquals(1, out.path("dropped_as_too_recent").asInt());
        assertEquals(2, out.path("dropped_as_undated").asInt());
        for (String bad : List.of("AFTER-THE-OPEN", "NO-DATE", "BAD-DATE")) {
            assertFalse(out.toString().contains(bad), bad + " reached the output: " + out);
        }
        JsonNode first = out.path("articles").get(0);
        assertEquals("2025-03-03T14:29:00Z", first.path("time").asText(), "09:29 New York is 14:29 UTC");
        assertEquals("Analysts expect strong iPhone sales.", first.path("summary").asText());
        assertEquals("Somewhat-Bullish", first.path("sentiment").path("label").asText());
        assertEquals(0.21, first.path("sentiment").path("score").asDouble());
        assertTrue(out.path("note").asText().contains("2025-03-03T14:30:00Z"), out.path("note").asText());
    }

    @Test
    void aQueryKeepsTheArticlesThatMentionItsWords() throws Exception {
        JsonNode out = NewsFeed.toJson(feed(), MOMENT, List.of("semiconductors"), "query semiconductors");
        assertEquals(List.of("Chip stocks slide"), out.path("articles").findValuesAsText("title"));
        JsonNode none = NewsFeed.toJson(feed(), Instant.parse("2025-01-01T00:00:00Z"), List.of(), "tickers AAPL");
        assertEquals(0, none.path("articles").size());
        assertTrue(none.path("message").asText().startsWith("no articles published before"));
    }

    @Test
    void publicationTimesAreReadAsNewYorkTime() throws Exception {
        JsonNode article = new ObjectMapper().readTree("{\"time_published\": \"20250704T120000\"}");
        assertEquals(Instant.parse("2025-07-04T16:00:00Z"), NewsFeed.published(article)); // EDT, UTC−4
        assertEquals(Instant.parse("2025-01-06T14:05:00Z"),
                NewsFeed.published(new ObjectMapper().readTree("{\"time_published\": \"20250106T0905\"}")));
        assertNull(NewsFeed.published(new ObjectMapper().readTree("{\"time_published\": \"\"}")));
    }
}
