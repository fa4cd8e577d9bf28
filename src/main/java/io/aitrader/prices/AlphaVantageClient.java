package io.aitrader.prices;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
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
        return series(symbol, "function=TIME_SERIES_DAILY&symbol=" + encode(symbol) + "&outputsize="
                + size.parameter());
    }

    /**
     * Downloads DIGITAL_CURRENCY_DAILY for one coin, quoted in USD (contract 12); the answer is the coin's whole
     * history, so there is no output size.
     */
    public SymbolDownload fetchCoinDaily(String symbol) throws InterruptedException {
        return series(symbol, "function=DIGITAL_CURRENCY_DAILY&symbol=" + encode(symbol) + "&market=USD");
    }

    /**
     * Downloads TIME_SERIES_INTRADAY at 60 minutes for one month of one stock (contract 13), with the extended hours
     * Alpha Vantage includes by default: its bar stamped 09:00 holds the 09:30 open, and without them it is left out.
     */
    public IntradayDownload fetchIntraday(String symbol, YearMonth month) throws InterruptedException {
        return intraday(symbol, "function=TIME_SERIES_INTRADAY&symbol=" + encode(symbol)
                + "&interval=60min&month=" + month + "&outputsize=full");
    }

    /** Downloads CRYPTO_INTRADAY at 60 minutes for one coin, quoted in USD (contract 13): its recent hours. */
    public IntradayDownload fetchCoinIntraday(String symbol) throws InterruptedException {
        return intraday(symbol, "function=CRYPTO_INTRADAY&symbol=" + encode(symbol)
                + "&market=USD&interval=60min&outputsize=full");
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
        Fetched fetched = get("function=NEWS_SENTIMENT" + (tickers.isEmpty() ? "" : "&tickers=" + encode(tickers))
                + (topics.isEmpty() ? "" : "&topics=" + encode(topics)) + "&time_to=" + timeTo.format(NEWS_TIME)
                + "&sort=LATEST&limit=" + limit);
        return new NewsAnswer(fetched.body() == null ? null : redact(fetched.body()), fetched.failure());
    }

    /** One answer's body below HTTP 400, or why there is none (a 429 is a rate limit), after how many attempts. */
    private record Fetched(String body, String failure, boolean rateLimited, int attempts) {
    }

    /** GETs {@code /query?<params>&apikey=…} within the budget and the retries; the key never leaves the request. */
    private Fetched get(String params) throws InterruptedException {
        if (!enabled()) {
            return new Fetched(null, "no Alpha Vantage API key is set", false, 0);
        }
        URI uri = URI.create(settings.baseUrl().replaceAll("/+$", "") + "/query?" + params + "&apikey="
                + key().encoded());
        PriceHttp.Answer answer = http.get("Alpha Vantage", uri, redact(uri.toString()), this::redact);
        if (answer.failure() != null) {
            return new Fetched(null, redact(answer.failure()), false, answer.attempts());
        }
        int status = answer.response().statusCode();
        if (status == 429) {
            return new Fetched(null, "Alpha Vantage answered HTTP 429 Too Many Requests", true, answer.attempts());
        }
        return status >= 400
                ? new Fetched(null, "Alpha Vantage answered HTTP " + status, false, answer.attempts())
                : new Fetched(answer.response().body(), null, false, answer.attempts());
    }

    /** A daily series download: the answer classified (data, a rate limit, an error), its reason free of the key. */
    private SymbolDownload series(String symbol, String params) throws InterruptedException {
        Fetched fetched = get(params);
        SymbolDownload outcome = fetched.body() != null
                ? AlphaVantageResponse.classify(symbol, fetched.body())
                : unanswered(symbol, fetched);
        return fetched.attempts() == 0 ? outcome : redacted(outcome).withAttempts(fetched.attempts());
    }

    /** An intraday download, classified and redacted as {@link #series} does a daily one. */
    private IntradayDownload intraday(String symbol, String params) throws InterruptedException {
        Fetched fetched = get(params);
        IntradayDownload outcome = fetched.body() != null
                ? AlphaVantageResponse.classifyIntraday(symbol, fetched.body())
                : IntradayDownload.of(unanswered(symbol, fetched));
        if (fetched.attempts() == 0) {
            return outcome;
        }
        String reason = outcome.reason() == null ? null : redact(outcome.reason());
        return new IntradayDownload(symbol, outcome.status(), outcome.bars(), reason, fetched.attempts());
    }

    private static SymbolDownload unanswered(String symbol, Fetched fetched) {
        return fetched.rateLimited()
                ? SymbolDownload.rateLimited(symbol, fetched.failure())
                : SymbolDownload.failed(symbol, fetched.failure());
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
