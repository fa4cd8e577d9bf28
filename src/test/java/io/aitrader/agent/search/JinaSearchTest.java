package io.aitrader.agent.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.aitrader.agent.TestSessions;
import io.aitrader.agent.TradingTools;
import io.aitrader.agent.llm.OpenAiStandIn;
import io.aitrader.agent.llm.OpenAiStandIn.Reply;
import io.aitrader.platform.http.SharedHttpClient;

/** get_information against a Jina stand-in: no look-ahead, undated results left out, bounded output. */
class JinaSearchTest {

    private static final String KEY = "jina_SECRET_abcdef0123456789";
    private static final Clock NOW = Clock.fixed(Instant.parse("2026-01-15T10:00:00Z"), ZoneOffset.UTC);
    private static final String HITS = """
            {"code":200,"status":20000,"data":[
             {"title":"Reader dates it later","url":"https://news.example/sneaky","description":"s","date":"unknown"},
             {"title":"Old news","url":"https://news.example/old","description":"Apple beat estimates",
              "date":"2025-09-29T08:00:00+00:00"},
             {"title":"Same day","url":"https://news.example/today","description":"t","date":"Oct 1, 2025"},
             {"title":"Future","url":"https://news.example/future","description":"f","date":"2025-10-05"},
             {"title":"Relative","url":"https://news.example/recent","description":"r","date":"3 days ago"},
             {"title":"Undated","url":"https://news.example/undated","description":"Background on Apple"}]}
            """;

    private final OpenAiStandIn jina = OpenAiStandIn.start();

    @AfterEach
    void stop() {
        jina.close();
    }

    private JinaSearch search() {
        JinaHttp http = new JinaHttp(new SharedHttpClient().client(), KEY, Duration.ofSeconds(5));
        return new JinaSearch(http, jina.root() + "/search", jina.root() + "/read/", NOW);
    }

    private void serve() {
        jina.otherwise(request -> {
            if (request.path().startsWith("/search")) {
                return Reply.ok(HITS);
            }
            String url = request.path().substring("/read/".length());
            String published = url.endsWith("sneaky") ? "2025-10-02T09:00:00Z" : "2025-09-29";
            return Reply.ok("{\"code\":200,\"data\":{\"title\":\"t\",\"url\":\"" + url + "\",\"content\":\""
                    + "Apple news. ".repeat(2000) + "\",\"publishedTime\":\"" + published + "\"}}");
        });
    }

    @Test
    void resultsOnOrAfterTheSimulatedDayAndUndatedOnesAreDropped() {
        serve();

        JsonNode found = search().search("Apple news", TestSessions.TODAY);

        List<String> titles = found.path("results").findValuesAsText("title");
        assertEquals(List.of("Old news"), titles, "the undated hit (read by no one) is left out, not marked");
        assertEquals("2025-09-29", found.path("results").get(0).path("date").asText());
        assertFalse(found.toString().contains("Background on Apple"), found.toString());
        assertEquals(1, found.path("dropped_as_undated").asInt());
        assertTrue(found.path("results").get(0).path("text").asText().startsWith("Apple news."),
                "the reader's text of a kept page");
        assertEquals(4, found.path("dropped_as_too_recent").asInt());
        assertTrue(found.toString().length() <= SearchOutput.MAX_CHARS, "bounded: " + found.toString().length());
        assertFalse(found.toString().contains(KEY));

        OpenAiStandIn.Recorded first = jina.requests.get(0);
        assertEquals("/search", first.path());
        assertEquals("Bearer " + KEY, first.header("Authorization"));
        assertEquals("no-content", first.header("X-Respond-With"));
        assertEquals(List.of("/read/https://news.example/sneaky", "/read/https://news.example/old"),
                jina.requests.stream().skip(1).map(OpenAiStandIn.Recorded::path).toList());
    }

    @Test
    void theToolIsOfferedOnlyWithASearchAndFailuresAreToolErrors() {
        serve();
        TradingTools withSearch = new TradingTools(TestSessions.today(5), search());
        TradingTools without = new TradingTools(TestSessions.today(5));

        assertTrue(withSearch.specifications().stream().anyMatch(s -> s.name().equals("get_information")));
        assertFalse(without.specifications().stream().anyMatch(s -> s.name().equals("get_information")));
        assertTrue(without.execute("get_information", "{\"query\":\"x\"}").contains("\"unknown_tool\""));
        assertTrue(withSearch.execute("get_information", "\"{\\\"query\\\":\\\"Apple\\\"}\"").contains("Old news"));
        assertTrue(withSearch.execute("get_information", "{}").contains("\"missing_argument\""));

        jina.otherwise(request -> Reply.error(503, "down for key " + KEY));
        String failed = withSearch.execute("get_information", "{\"query\":\"Apple\"}");
        assertTrue(failed.contains("\"search_failed\"") && failed.contains("HTTP 503"), failed);
        assertFalse(failed.contains(KEY));
    }

    @Test
    void datesInTheUsualFormsAreRead() {
        assertEquals(LocalDate.parse("2025-10-01"), SearchDates.parse("2025-09-30T23:30:00-04:00", NOW), "the UTC day");
        assertEquals(LocalDate.parse("2025-10-01"), SearchDates.parse("Wed, 01 Oct 2025 08:00:00 GMT", NOW));
        assertEquals(LocalDate.parse("2025-05-31"), SearchDates.parse("May 31, 2025", NOW));
        assertEquals(LocalDate.parse("2025-05-31"), SearchDates.parse("31 May 2025", NOW));
        assertEquals(LocalDate.parse("2025-05-31"), SearchDates.parse("2025-05-31 10:00", NOW));
        assertEquals(LocalDate.parse("2026-01-14"), SearchDates.parse("a day ago", NOW));
        assertEquals(LocalDate.parse("2026-01-12"), SearchDates.parse("3 days ago", NOW));
        assertNull(SearchDates.parse("unknown", NOW));
        assertNull(SearchDates.parse("99999999999999999999 years ago", NOW));
        assertNull(SearchDates.parse("2025-13-45", NOW));
    }
}
