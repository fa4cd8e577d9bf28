package io.aitrader.prices;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.aitrader.platform.http.SharedHttpClient;
import io.aitrader.platform.retry.Pause;
import io.aitrader.platform.retry.RetryPolicy;
import io.quarkus.logging.Log;

/**
 * Fetches {@code TIME_SERIES_DAILY} from Alpha Vantage within the request budget, retrying server errors and I/O
 * failures with exponential backoff. The API key goes nowhere but the request: logged URLs and returned reasons
 * are redacted.
 */
@Singleton
public class AlphaVantageClient {

    /** Alpha Vantage's day boundary: "today" decides what can exist and whether compact output covers a range. */
    static final ZoneId MARKET_ZONE = ZoneId.of("America/New_York");

    /** Three retries, waiting 2, 4, then 8 s. */
    static final RetryPolicy RETRY = new RetryPolicy(3, Duration.ofSeconds(2), Duration.ofSeconds(8));
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final PriceSettings.AlphaVantage settings;
    private final AlphaVantageHttp http;
    private final RetryPolicy retry;
    private final Pause pause;
    private final Clock clock;

    @Inject
    public AlphaVantageClient(PriceSettings settings, SharedHttpClient http) {
        this(settings.alphaVantage(),
                new AlphaVantageHttp(http.client(), new RequestBudget(settings.alphaVantage().requestsPerMinute(),
                        Clock.systemUTC(), Pause.system()), REQUEST_TIMEOUT),
                RETRY, Pause.system(), Clock.system(MARKET_ZONE));
    }

    public AlphaVantageClient(PriceSettings.AlphaVantage settings, AlphaVantageHttp http, RetryPolicy retry,
            Pause pause, Clock clock) {
        this.settings = settings;
        this.http = http;
        this.retry = retry;
        this.pause = pause;
        this.clock = clock;
    }

    /** True when a key is configured, so downloads can run at all. */
    public boolean enabled() {
        return key() != null;
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
        URI uri = uri(symbol, size);
        String shown = redact(uri.toString());
        String lastFailure = null;
        int attempts = retry.maxRetries() + 1;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            if (attempt > 1) {
                Duration delay = retry.backoff(attempt - 1);
                Log.warnf("Alpha Vantage %s: %s, retrying in %d ms (attempt %d of %d)", symbol, lastFailure,
                        delay.toMillis(), attempt, attempts);
                pause.pause(delay);
            }
            try {
                HttpResponse<String> response = http.get(uri, shown);
                int status = response.statusCode();
                if (status >= 500) {
                    lastFailure = "server error (HTTP " + status + ")";
                    continue;
                }
                SymbolDownload outcome = status == 429
                        ? SymbolDownload.rateLimited(symbol, "Alpha Vantage answered HTTP 429 Too Many Requests")
                        : status >= 400
                                ? SymbolDownload.failed(symbol, "Alpha Vantage answered HTTP " + status)
                                : AlphaVantageResponse.classify(symbol, response.body());
                return redacted(outcome).withAttempts(attempt);
            } catch (HttpTimeoutException e) {
                lastFailure = "request timed out";
            } catch (ConnectException e) {
                lastFailure = "could not connect to Alpha Vantage";
            } catch (IOException e) {
                lastFailure = redact("I/O error: " + (e.getMessage() == null ? "connection failed" : e.getMessage()));
            }
        }
        Log.warnf("Alpha Vantage %s: giving up after %d attempts: %s", symbol, attempts, lastFailure);
        return SymbolDownload.failed(symbol, "gave up after " + attempts + " attempts: " + lastFailure)
                .withAttempts(attempts);
    }

    private URI uri(String symbol, OutputSize size) {
        String base = settings.baseUrl().replaceAll("/+$", "");
        return URI.create(base + "/query?function=TIME_SERIES_DAILY&symbol=" + encode(symbol) + "&outputsize="
                + size.parameter() + "&apikey=" + encode(key()));
    }

    private SymbolDownload redacted(SymbolDownload outcome) {
        return outcome.reason() == null
                ? outcome
                : new SymbolDownload(outcome.symbol(), outcome.status(), outcome.bars(), redact(outcome.reason()),
                        outcome.attempts());
    }

    /** Removes the key from any text, in plain and URL-encoded form, and blanks any apikey query parameter. */
    String redact(String text) {
        String key = key();
        String out = text.replaceAll("(?i)(apikey=)[^&\\s]*", "$1***");
        return key == null ? out : out.replace(key, "***").replace(encode(key), "***");
    }

    private String key() {
        return settings.apiKey().map(String::strip).filter(k -> !k.isEmpty()).orElse(null);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
