package io.aitrader.agent.news;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import io.aitrader.agent.AgentMetrics;
import io.aitrader.agent.NewsSource;
import io.aitrader.agent.TestSessions;
import io.aitrader.agent.TradingTools;
import io.aitrader.market.Market;

/** The get_news tool itself: offered only with a source, its arguments checked, a failing source a tool error. */
class NewsToolTest {

    record Asked(String query, List<String> tickers, Instant before) {
    }

    @Test
    void theToolAsksForTheDaysOpenAndChecksItsArguments() {
        List<Asked> asked = new ArrayList<>();
        NewsSource source = (query, tickers, before) -> {
            asked.add(new Asked(query, tickers, before));
            return JsonNodeFactory.instance.objectNode().putArray("articles");
        };
        TradingTools tools = new TradingTools(TestSessions.today(5), null, source, AgentMetrics.NONE.tools());
        TradingTools without = new TradingTools(TestSessions.today(5));

        assertTrue(tools.specifications().stream().anyMatch(s -> s.name().equals("get_news")));
        assertFalse(without.specifications().stream().anyMatch(s -> s.name().equals("get_news")));
        assertTrue(without.execute("get_news", "{\"tickers\":\"AAPL\"}").contains("\"unknown_tool\""));

        assertTrue(tools.execute("get_news", "{\"tickers\":\"aapl, msft\",\"query\":\"earnings\"}")
                .contains("\"articles\""));
        assertEquals(List.of("AAPL", "MSFT"), asked.get(0).tickers());
        assertEquals("earnings", asked.get(0).query());
        assertEquals(Market.US.openOn(TestSessions.TODAY), asked.get(0).before(), "the day's simulated moment");

        assertTrue(tools.execute("get_news", "{}").contains("\"missing_argument\""));
        assertTrue(tools.execute("get_news", "{\"tickers\":\"ZZZZ\"}").contains("\"unknown_symbol\""));
        assertEquals(1, asked.size(), "refused calls ask nothing");

        TradingTools failing = new TradingTools(TestSessions.today(5), null, (q, t, b) -> {
            throw new NewsSource.NewsFailure("news unavailable: Alpha Vantage's request limit is reached");
        }, AgentMetrics.NONE.tools());
        String failed = failing.execute("get_news", "{\"query\":\"technology\"}");
        assertTrue(failed.contains("\"news_failed\"") && failed.contains("request limit"), failed);
    }
}
