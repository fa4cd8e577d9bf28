package io.aitrader.agent;

import java.time.LocalDate;

import com.fasterxml.jackson.databind.JsonNode;

/** The web search behind the {@code get_information} tool; it must show nothing dated on or after {@code day}. */
public interface InformationSearch {

    /** Results as JSON for the model; throws {@link SearchFailure} with a message the model may read. */
    JsonNode search(String query, LocalDate day);

    /** A search that could not be done; the message is shown to the model, so it never holds a key. */
    class SearchFailure extends RuntimeException {

        public SearchFailure(String message) {
            super(message, null, false, false);
        }
    }
}
