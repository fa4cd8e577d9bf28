package io.aitrader.prices;

import java.time.LocalDate;
import java.util.Optional;
import java.util.StringJoiner;

/** Answer bodies in Alpha Vantage's real TIME_SERIES_DAILY format, and settings for a client under test. */
public final class AlphaVantageBodies {

    static final String NOTE = "{\"Note\": \"Thank you for using Alpha Vantage! Our standard API call frequency is "
            + "5 calls per minute and 500 calls per day.\"}";
    static final String INFORMATION = "{\"Information\": \"We have detected your API key as SECRET and our standard "
            + "API rate limit is 25 requests per day. Please subscribe to any of the premium plans.\"}";

    record Settings(Optional<String> apiKey, int requestsPerMinute, String baseUrl)
            implements
                PriceSettings.AlphaVantage {
    }

    private AlphaVantageBodies() {
    }

    /** Alpha Vantage's own names ({@code 1. open} .. {@code 5. volume}), rows newest first, keys in varying order. */
    public static String daily(String symbol, LocalDate... newestFirst) {
        return series(symbol, "1. open", "4. close", newestFirst);
    }

    /** AI-Trader's renamed columns ({@code 1. buy price}, {@code 4. sell price}). */
    static String aiTrader(String symbol, LocalDate... newestFirst) {
        return series(symbol, "1. buy price", "4. sell price", newestFirst);
    }

    /** The open price {@link #series} writes for row {@code index}. */
    static String open(int index) {
        return (100 + index) + ".5000";
    }

    private static String series(String symbol, String openKey, String closeKey, LocalDate... dates) {
        StringJoiner rows = new StringJoiner(",");
        for (int i = 0; i < dates.length; i++) {
            String open = q(openKey) + ":" + q(open(i));
            String close = q(closeKey) + ":" + q((101 + i) + ".2500");
            String high = q("2. high") + ":" + q((102 + i) + ".0000");
            String low = q("3. low") + ":" + q((99 + i) + ".0000");
            String volume = q("5. volume") + ":" + q(String.valueOf(1_000_000 + i));
            String row = i % 2 == 0
                    ? String.join(",", open, high, low, close, volume)
                    : String.join(",", volume, close, open, low, high);
            rows.add(q(dates[i].toString()) + ":{" + row + "}");
        }
        String last = dates.length == 0 ? "2025-10-30" : dates[0].toString();
        return "{\"Meta Data\":{\"1. Information\":\"Daily Prices (open, high, low, close) and Volumes\","
                + "\"2. Symbol\":" + q(symbol) + ",\"3. Last Refreshed\":" + q(last)
                + ",\"4. Output Size\":\"Compact\",\"5. Time Zone\":\"US/Eastern\"},"
                + "\"Time Series (Daily)\":{" + rows + "}}";
    }

    private static String q(String text) {
        return "\"" + text + "\"";
    }
}
