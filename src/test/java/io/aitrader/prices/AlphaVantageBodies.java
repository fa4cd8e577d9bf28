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
    /** TIME_SERIES_INTRADAY, 60min, as Alpha Vantage answers (strings; bar starts in US/Eastern), with bad rows. */
    static final String INTRADAY_AAPL = """
            {"Meta Data": {"1. Information": "Intraday (60min) open, high, low, close prices and volume",
              "2. Symbol": "AAPL", "3. Last Refreshed": "2025-03-04 15:00:00", "4. Interval": "60min",
              "5. Output Size": "Full size", "6. Time Zone": "US/Eastern"},
             "Time Series (60min)": {
              "2025-03-04 15:00:00": {"1. open": "236.1000", "2. high": "236.9000", "3. low": "235.8000",
                                      "4. close": "235.9300", "5. volume": "5812231"},
              "2025-03-04 10:00:00": {"1. open": "234.0100", "2. high": "235.2000", "3. low": "233.5000",
                                      "4. close": "235.0000", "5. volume": "4104311"},
              "2025-03-04 09:00:00": {"1. open": "234.5000", "2. high": "234.9900", "3. low": "229.5000",
                                      "4. close": "233.9900", "5. volume": "9034527"},
              "2025-03-04 09:30:00": {"1. open": "234.5000", "2. high": "234.9900", "3. low": "229.5000",
                                      "4. close": "233.9900", "5. volume": "9034527"},
              "2025-03-08 10:00:00": {"1. open": "1.0000", "5. volume": "1"},
              "2025-03-05 11:00:00": {"1. open": "-4.0000", "5. volume": "1"}}}
            """;
    /** CRYPTO_INTRADAY, 60min, market USD (UTC; "5. volume" a JSON number). */
    static final String INTRADAY_ETH = """
            {"Meta Data": {"1. Information": "Crypto Intraday (60min) Time Series", "2. Digital Currency Code": "ETH",
              "3. Digital Currency Name": "Ethereum", "4. Market Code": "USD", "5. Market Name": "United States Dollar",
              "6. Last Refreshed": "2025-03-09 01:00:00", "7. Interval": "60min", "8. Output Size": "Full size",
              "9. Time Zone": "UTC"},
             "Time Series Crypto (60min)": {
              "2025-03-09 01:00:00": {"1. open": "2150.12000", "2. high": "2161.00000", "3. low": "2149.50000",
                                      "4. close": "2158.75000", "5. volume": 148},
              "2025-03-09 00:00:00": {"1. open": "2141.00000", "2. high": "2152.00000", "3. low": "2139.25000",
                                      "4. close": "2150.12000", "5. volume": 203.75}}}
            """;

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
