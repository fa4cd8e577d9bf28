package io.aitrader.prices;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where prices come from: Alpha Vantage downloads, or the offline sample. The ranges named here are checked at start by
 * platform.SettingsCheck. */
@ConfigMapping(prefix = "app")
public interface PriceSettings {

    /** AUTO_DOWNLOAD_PRICE_DATA: fetch missing prices before a job when an Alpha Vantage key is set; true or false. */
    @WithDefault("true")
    boolean autoDownloadPriceData();

    AlphaVantage alphaVantage();

    /**
     * OFFLINE_PRICES: what an empty price store gets at start when no Alpha Vantage key is set: {@code sample} (the
     * shipped real 2025 NASDAQ-100 prices, synthetic prices continuing them to the end of 2025), {@code synthetic}
     * (generated prices for all of 2025) or {@code none}.
     */
    @WithDefault("sample")
    OfflinePrices offlinePrices();

    /** The choices of OFFLINE_PRICES. */
    enum OfflinePrices {
        SAMPLE, SYNTHETIC, NONE
    }

    /** Alpha Vantage price downloads. */
    interface AlphaVantage {
        /** ALPHAADVANTAGE_API_KEY: enables downloads; never logged. */
        Optional<String> apiKey();

        /** ALPHAADVANTAGE_REQUESTS_PER_MINUTE: request budget; at least 1. */
        @WithDefault("5")
        int requestsPerMinute();

        /** ALPHAADVANTAGE_BASE_URL: the API root, an http(s) URL, overridden by tests to a local stand-in. */
        @WithDefault("https://www.alphavantage.co")
        String baseUrl();
    }
}
