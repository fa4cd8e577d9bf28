package io.aitrader.prices;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Classifies one answer of Massive's grouped-daily endpoint ({@code /v2/aggs/grouped/locale/us/market/stocks/{date}}):
 * {@code status} {@code OK} (or {@code DELAYED}) with {@code results} — one object per ticker, {@code T} the ticker,
 * {@code o}, {@code h}, {@code l}, {@code c} the prices, {@code v} the volume, {@code t} the window's start in Unix
 * ms — or none on a day without trading; {@code NOT_AUTHORIZED} with a {@code message} when the plan does not cover
 * the date; {@code ERROR} with an {@code error}; HTTP 429 when the per-minute limit is spent.
 */
final class MassiveResponse {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final int MAX_MESSAGE = 300;

    private MassiveResponse() {
    }

    /** The answer with HTTP status {@code status} and {@code body} for {@code date}. */
    static DateDownload classify(LocalDate date, int status, String body) {
        JsonNode root = parse(body);
        String message = root == null ? null : message(root);
        if (status == 429) {
            return DateDownload.stopped(date, "Massive answered HTTP 429 Too Many Requests"
                    + (message == null ? "" : ": " + message));
        }
        if (status == 401) {
            return DateDownload.stopped(date, "Massive refused the API key (HTTP 401)"
                    + (message == null ? "" : ": " + message));
        }
        String answerStatus = root == null ? null : root.path("status").asText(null);
        if (status == 403 || "NOT_AUTHORIZED".equals(answerStatus)) {
            return DateDownload.refused(date, "Massive's plan does not cover " + date
                    + (message == null ? "" : ": " + message));
        }
        if (status >= 400) {
            return DateDownload.failed(date,
                    "Massive answered HTTP " + status + (message == null ? "" : ": " + message));
        }
        if (root == null || !root.isObject()) {
            return DateDownload.failed(date, "answer is not a JSON object (truncated or garbled)");
        }
        if (!"OK".equals(answerStatus) && !"DELAYED".equals(answerStatus)) {
            return DateDownload.failed(date,
                    "Massive answered status " + (answerStatus == null ? "(none)" : answerStatus)
                            + (message == null ? "" : ": " + message));
        }
        JsonNode results = root.path("results");
        if (!results.isMissingNode() && !results.isNull() && !results.isArray()) {
            return DateDownload.failed(date, "answer's 'results' is not a list");
        }
        return DateDownload.ok(date, bars(date, results));
    }

    private static List<PriceBar> bars(LocalDate date, JsonNode results) {
        List<PriceBar> bars = new ArrayList<>();
        for (JsonNode result : results) {
            String symbol = result.path("T").asText("").strip();
            BigDecimal open = price(result.get("o"));
            if (symbol.isEmpty() || open == null) {
                continue; // a row without ticker or open says nothing usable about the day
            }
            JsonNode volume = result.get("v");
            bars.add(new PriceBar(symbol, date, open, price(result.get("h")), price(result.get("l")),
                    price(result.get("c")),
                    volume != null && volume.isNumber() ? volume.decimalValue().longValue() : null,
                    PriceBar.SOURCE_MASSIVE));
        }
        return bars;
    }

    private static BigDecimal price(JsonNode node) {
        if (node == null || !node.isNumber()) {
            return null;
        }
        // adjusted prices can carry many decimals; the store keeps four, as Alpha Vantage sends them
        BigDecimal value = node.decimalValue().setScale(4, RoundingMode.HALF_UP).stripTrailingZeros();
        return value.signum() > 0 ? value : null;
    }

    private static JsonNode parse(String body) {
        String trimmed = body == null ? "" : body.strip();
        if (trimmed.isEmpty() || !trimmed.startsWith("{")) {
            return null;
        }
        try {
            return JSON.readTree(trimmed);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /** The answer's own explanation ({@code message} or {@code error}), shortened. */
    private static String message(JsonNode root) {
        for (String field : List.of("message", "error")) {
            String text = root.path(field).asText("").strip();
            if (!text.isEmpty()) {
                return text.length() > MAX_MESSAGE ? text.substring(0, MAX_MESSAGE) + "..." : text;
            }
        }
        return null;
    }
}
