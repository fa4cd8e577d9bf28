package io.aitrader.prices;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.aitrader.platform.http.SharedHttpClient;

/**
 * Fetches Massive's grouped daily bars — every US stock's open, high, low, close and volume of one date — within the
 * request budget, with the retries and backoff of every price download ({@link PriceHttp#RETRY}). The API
 * key goes nowhere but the request: logged URLs and returned reasons are redacted.
 */
@Singleton
public class MassiveClient {

    private final PriceSettings.Massive settings;
    private final PriceHttp http;
    private final Clock clock;

    @Inject
    public MassiveClient(PriceSettings settings, SharedHttpClient http) {
        this(settings.massive(), PriceHttp.of(http.client(), settings.massive().requestsPerMinute()),
                Clock.system(AlphaVantageClient.MARKET_ZONE));
    }

    public MassiveClient(PriceSettings.Massive settings, PriceHttp http, Clock clock) {
        this.settings = settings;
        this.http = http;
        this.clock = clock;
    }

    /** True when a key is configured, so downloads can run at all. */
    public boolean enabled() {
        return key().present();
    }

    /** The market's time now: a day's end-of-day bars exist once it has closed. */
    ZonedDateTime now() {
        return ZonedDateTime.now(clock);
    }

    public int requestsPerMinute() {
        return http.requestsPerMinute();
    }

    /** Every ticker's bar of {@code date} (the caller checks {@link #enabled()} first). */
    public DateDownload fetchGroupedDaily(LocalDate date) throws InterruptedException {
        if (!enabled()) {
            return DateDownload.stopped(date, "no Massive API key is set");
        }
        URI uri = URI.create(settings.baseUrl().replaceAll("/+$", "") + "/v2/aggs/grouped/locale/us/market/stocks/"
                + date + "?adjusted=" + settings.adjusted() + "&apiKey=" + key().encoded());
        PriceHttp.Answer answer = http.get("Massive", uri, redact(uri.toString()), this::redact);
        DateDownload outcome = answer.failure() != null
                ? DateDownload.failed(date, answer.failure())
                : MassiveResponse.classify(date, answer.response().statusCode(), answer.response().body());
        return (outcome.reason() == null ? outcome : outcome.withReason(redact(outcome.reason())))
                .withAttempts(answer.attempts());
    }

    String redact(String text) {
        return key().redact(text);
    }

    private ApiKey key() {
        return ApiKey.of(settings.apiKey());
    }
}
