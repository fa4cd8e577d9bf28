package io.aitrader.prices;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.aitrader.platform.http.SharedHttpClient;

/**
 * Fetches {@code TIME_SERIES_DAILY} from Alpha Vantage within the request budget, retrying server errors and I/O
 * failures with exponential backoff. The API key goes nowhere but the request: logged URLs and returned reasons
 * are redacted.
 */
@Singleton
public class AlphaVantageClient {

    /** Alpha Vantage's day boundary: "today" decides what can exist and whether compact output covers a range. */
    static final ZoneId MARKET_ZONE = ZoneId.of("America/New_York");
    private static final DateTimeFormatter NEWS_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm", Locale.ROOT);

    private final PriceSettings.AlphaVantage settings;
    private final PriceHttp http;
    private final Clock clock;

    @Inject
    public AlphaVantageClient(PriceSettings settings, SharedHttpClient http) {
        this(settings.alphaVantage(), PriceHttp.of(http.client(), settings.alphaVantage().requestsPerMinute()),
                Clock.system(MARKET_ZONE));
    }

    public AlphaVantageClient(PriceSettings.AlphaVantage settings, PriceHttp http, Clock clock) {
        this.settings = settings;
        this.http = http;
        this.clock = clock;
    }

    /** True when a key is configured, so downloads can run at all. */
    public boolean enabled() {
        return key().present();
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The request budget: at most this many requests start in any minute. */
    public int requestsPerMinute() {
        return http.requestsPerMinute();
    }

    /** Downloads the daily series for one symbol (the caller checks {@link #enabled()} first). */
    public SymbolDownload fetchDaily(String symbol, OutputSize size) throws InterruptedException {
        if (!enabled()) {
            return SymbolDownload.failed(symbol, "no Alpha Vantage API key is set");
        }
        return answer(symbol, uri(symbol, size));
    }

    /** A NEWS_SENTIMENT answer's body, or why there is none; both free of the key. */
    public record NewsAnswer(String body, String failure) {
    }

    /**
     * Fetches {@code NEWS_SENTIMENT} (contract 12) within the same request budget and retries as the prices:
     * {@code tickers} and {@code topics} comma-separated (either may be empty), {@code timeTo} the latest publication
     * time asked for, written in New York time as the feed's times are read.
     */
    public NewsAnswer fetchNews(String tickers, String topics, LocalDateTime timeTo, int limit)
            throws InterruptedException {
        if (!enabled()) {
            return new NewsAnswer(null, "no Alpha Vantage API key is set");
        }
        String base = settings.baseUrl().replaceAll("/+$", "");
        URI uri = URI.create(base + "/query?function=NEWS_SENTIMENT"
                + (tickers.isEmpty() ? "" : "&tickers=" + encode(tickers))
                + (topics.isEmpty() ? "" : "&topics=" + encode(topics)) + "&time_to="
                + timeTo.format(NEWS_TIME) + "&sort=LATEST&limit=" + limit + "&apikey=" + key().encoded());
        PriceHttp.Answer answer = http.get("Alpha Vantage", uri, redact(uri.toString()), this::redact);
        if (answer.failure() != null) {
            return new NewsAnswer(null, redact(answer.failure()));
        }
        int status = answer.response().statusCode();
        if (status == 429) {
            return new NewsAnswer(null, "Alpha Vantage answered HTTP 429 Too Many Requests");
        }
        if (status >= 400) {
            return new NewsAnswer(null, "Alpha Vantage answered HTTP " + status);
        }
        return new NewsAnswer(redact(answer.response().body()), null);
    }

    /**
     * Downloads DIGITAL_CURRENCY_DAILY for one coin, quoted in USD (contract 12); the answer is the coin's whole
     * history, so there is no output size.
     */
    public SymbolDownload fetchCoinDaily(String symbol) throws InterruptedException {
        if (!enabled()) {
            return SymbolDownload.failed(symbol, "no Alpha Vantage API key is set");
        }
        String base = settings.baseUrl().replaceAll("/+$", "");
        URI uri = URI.create(base + "/query?function=DIGITAL_CURRENCY_DAILY&symbol=" + encode(symbol)
                + "&market=USD&apikey=" + key().encoded());
        return answer(symbol, uri);
    }

    private SymbolDownload answer(String symbol, URI uri) throws InterruptedException {
        PriceHttp.Answer answer = http.get("Alpha Vantage", uri, redact(uri.toString()), this::redact);
        if (answer.failure() != null) {
            return SymbolDownload.failed(symbol, answer.failure()).withAttempts(answer.attempts());
        }
        int status = answer.response().statusCode();
        SymbolDownload outcome = status == 429
                ? SymbolDownload.rateLimited(symbol, "Alpha Vantage answered HTTP 429 Too Many Requests")
                : status >= 400
                        ? SymbolDownload.failed(symbol, "Alpha Vantage answered HTTP " + status)
                        : AlphaVantageResponse.classify(symbol, answer.response().body());
        return redacted(outcome).withAttempts(answer.attempts());
    }

    private URI uri(String symbol, OutputSize size) {
        String base = settings.baseUrl().replaceAll("/+$", "");
        return URI.create(base + "/query?function=TIME_SERIES_DAILY&symbol=" + encode(symbol) + "&outputsize="
                + size.parameter() + "&apikey=" + key().encoded());
    }

    private SymbolDownload redacted(SymbolDownload outcome) {
        return outcome.reason() == null
                ? outcome
                : new SymbolDownload(outcome.symbol(), outcome.status(), outcome.bars(), redact(outcome.reason()),
                        outcome.attempts());
    }

    /** Removes the key from any text, in plain and URL-encoded form, and blanks any apikey query parameter. */
    String redact(String text) {
        return key().redact(text);
    }

    private ApiKey key() {
        return ApiKey.of(settings.apiKey());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
