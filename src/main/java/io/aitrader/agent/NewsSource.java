package io.aitrader.agent;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The news behind the {@code get_news} tool (contract 12): articles about {@code tickers} or matching {@code query},
 * published strictly before {@code before} (the simulated moment); undated ones are never shown.
 */
public interface NewsSource {

    /** The articles as JSON for the model; throws {@link NewsFailure} with a message the model may read. */
    JsonNode news(String query, List<String> tickers, Instant before);

    /** News that could not be fetched; the message is shown to the model, so it never holds a key. */
    class NewsFailure extends RuntimeException {

        public NewsFailure(String message) {
            super(message, null, false, false);
        }
    }
}
