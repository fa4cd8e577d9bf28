package io.aitrader.prices;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Classifies one {@code TIME_SERIES_DAILY} answer body: a daily series (Alpha Vantage's {@code 1. open} /
 * {@code 4. close} names or AI-Trader's {@code 1. buy price} / {@code 4. sell price}), a rate-limit or plan message
 * ({@code Note}, {@code Information}), an {@code Error Message}, or something malformed.
 */
final class AlphaVantageResponse {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** "1. open", and DIGITAL_CURRENCY_DAILY's older "1a. open (USD)": the number, a letter, the quote. */
    private static final Pattern KEY_NUMBER = Pattern.compile("^\\d+[a-z]?\\.\\s*|\\s*\\(usd\\)$");
    private static final int MAX_MESSAGE = 300;

    private AlphaVantageResponse() {
    }

    static SymbolDownload classify(String symbol, String body) {
        Answer answer = read(symbol, body);
        if (answer.refused() != null) {
            return answer.refused();
        }
        JsonNode series = series(answer.root());
        if (series == null) {
            return SymbolDownload.failed(symbol, "answer has no 'Time Series (Daily)'");
        }
        List<PriceBar> bars = bars(symbol, series);
        if (bars.isEmpty()) {
            return SymbolDownload.failed(symbol, "answer's daily series has no usable rows");
        }
        return SymbolDownload.ok(symbol, bars);
    }

    /**
     * Classifies a TIME_SERIES_INTRADAY or CRYPTO_INTRADAY answer (contract 13) as {@link #classify} does a daily one;
     * its 60-minute bars are read as a price file's ({@link IntradaySeries}), and rows that do not read are left out.
     */
    static IntradayDownload classifyIntraday(String symbol, String body) {
        Answer answer = read(symbol, body);
        if (answer.refused() != null) {
            return IntradayDownload.of(answer.refused());
        }
        JsonNode root = answer.root();
        String key = IntradaySeries.seriesKey(root).orElse(null);
        if (key == null || !root.get(key).isObject()) {
            return IntradayDownload.failed(symbol, "answer has no 'Time Series (60min)'");
        }
        String refused = IntradaySeries.refusal(root, key, symbol).orElse(null);
        if (refused != null) {
            return IntradayDownload.failed(symbol, refused);
        }
        // keyed by symbol and ISO start time, one symbol: the key order is the time order
        Map<String, IntradayBar> bars = new java.util.TreeMap<>();
        IntradaySeries.read(root.get(key), symbol, key.equals(IntradaySeries.COIN_SERIES),
                PriceBar.SOURCE_ALPHA_VANTAGE, bars, new ArrayList<>());
        if (bars.isEmpty()) {
            return IntradayDownload.failed(symbol, "answer's 60-minute series has no usable rows");
        }
        return new IntradayDownload(symbol, SymbolDownload.Status.OK, List.copyOf(bars.values()), null, 1);
    }

    /** An answer read as a JSON object, or the download it already is (a refusal, an error, garbage). */
    private record Answer(JsonNode root, SymbolDownload refused) {
    }

    private static Answer read(String symbol, String body) {
        String trimmed = body == null ? "" : body.strip();
        if (trimmed.isEmpty()) {
            return new Answer(null, SymbolDownload.failed(symbol, "empty answer from Alpha Vantage"));
        }
        if (trimmed.startsWith("<")) {
            return new Answer(null, SymbolDownload.failed(symbol, "answer is HTML, not JSON"));
        }
        JsonNode root;
        try {
            root = JSON.readTree(trimmed);
        } catch (JsonProcessingException e) {
            return new Answer(null, SymbolDownload.failed(symbol, "answer is not valid JSON (truncated or garbled)"));
        }
        if (root == null || !root.isObject()) {
            return new Answer(null, SymbolDownload.failed(symbol, "answer is not a JSON object"));
        }
        for (String field : List.of("Note", "Information")) {
            if (root.hasNonNull(field)) {
                return new Answer(null,
                        SymbolDownload.rateLimited(symbol, "Alpha Vantage refused: " + message(root.get(field))));
            }
        }
        if (root.hasNonNull("Error Message")) {
            return new Answer(null,
                    SymbolDownload.failed(symbol, "Alpha Vantage error: " + message(root.get("Error Message"))));
        }
        return new Answer(root, null);
    }

    private static JsonNode series(JsonNode root) {
        JsonNode daily = root.has("Time Series (Daily)")
                ? root.get("Time Series (Daily)")
                : root.get(PriceFileParser.CRYPTO_SERIES);
        return daily != null && daily.isObject() ? daily : null;
    }

    private static List<PriceBar> bars(String symbol, JsonNode series) {
        List<PriceBar> bars = new ArrayList<>();
        for (Map.Entry<String, JsonNode> row : series.properties()) {
            PriceBar bar = bar(symbol, row.getKey(), row.getValue());
            if (bar != null) {
                bars.add(bar);
            }
        }
        bars.sort(Comparator.comparing(PriceBar::date));
        return bars;
    }

    /** One row, or null when it has no real date or no valid open (a row is never half-guessed). */
    private static PriceBar bar(String symbol, String dateKey, JsonNode row) {
        if (!row.isObject()) {
            return null;
        }
        BigDecimal open = null, high = null, low = null, close = null, volume = null;
        try {
            LocalDate date = LocalDate.parse(dateKey.strip());
            for (Map.Entry<String, JsonNode> field : row.properties()) {
                BigDecimal value = new BigDecimal(field.getValue().asText().strip());
                switch (KEY_NUMBER.matcher(field.getKey().strip().toLowerCase(Locale.ROOT)).replaceAll("")) {
                    case "open", "buy price" -> open = value;
                    case "high" -> high = value;
                    case "low" -> low = value;
                    case "close", "sell price" -> close = value;
                    case "volume" -> volume = value;
                    default -> {
                        // other columns (adjusted close, dividends) are not stored
                    }
                }
            }
            if (open == null) {
                return null;
            }
            return new PriceBar(symbol, date, open, high, low, close, volume == null ? null : volume.longValue(),
                    PriceBar.SOURCE_ALPHA_VANTAGE);
        } catch (DateTimeParseException | NumberFormatException e) {
            return null;
        }
    }

    private static String message(JsonNode node) {
        String text = node.isTextual() ? node.asText() : node.toString();
        text = text.strip().replaceAll("\\s+", " ");
        return text.length() <= MAX_MESSAGE ? text : text.substring(0, MAX_MESSAGE) + "...";
    }
}
