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

    Massive massive();

    /**
     * PRICE_PROVIDER: where missing prices are downloaded from: {@code auto} (Massive when its key is set, else Alpha
     * Vantage when its key is set, else none), {@code massive}, {@code alphavantage} or {@code none}.
     */
    @WithDefault("auto")
    PriceProvider priceProvider();

    /** The choices of PRICE_PROVIDER. */
    enum PriceProvider {
        AUTO, MASSIVE, ALPHAVANTAGE, NONE
    }

    /**
     * The provider downloads come from: PRICE_PROVIDER, {@code auto} resolved by the keys set (Massive first), NONE
     * when the provider named has no key.
     */
    default PriceProvider activeProvider() {
        boolean massiveKey = massive().apiKey().filter(key -> !key.isBlank()).isPresent();
        boolean alphaVantageKey = alphaVantage().apiKey().filter(key -> !key.isBlank()).isPresent();
        return switch (priceProvider()) {
            case AUTO -> massiveKey
                    ? PriceProvider.MASSIVE
                    : alphaVantageKey ? PriceProvider.ALPHAVANTAGE : PriceProvider.NONE;
            case MASSIVE -> massiveKey ? PriceProvider.MASSIVE : PriceProvider.NONE;
            case ALPHAVANTAGE -> alphaVantageKey ? PriceProvider.ALPHAVANTAGE : PriceProvider.NONE;
            case NONE -> PriceProvider.NONE;
        };
    }

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

    /** Massive (formerly Polygon.io) price downloads: every US stock's daily bar of one date per request. */
    interface Massive {
        /** MASSIVE_API_KEY (or POLYGON_API_KEY): enables downloads; never logged. */
        Optional<String> apiKey();

        /** MASSIVE_REQUESTS_PER_MINUTE: request budget (the free plan allows 5); at least 1. */
        @WithDefault("5")
        int requestsPerMinute();

        /** MASSIVE_BASE_URL: the API root, an http(s) URL, overridden by tests to a local stand-in. */
        @WithDefault("https://api.massive.com")
        String baseUrl();

        /** MASSIVE_ADJUSTED: split-adjusted bars ({@code true}) or the prices as traded then ({@code false}). */
        @WithDefault("true")
        boolean adjusted();

        /** MASSIVE_STORE_ALL_SYMBOLS: store every ticker of a day's answer, not only the job's symbols. */
        @WithDefault("false")
        boolean storeAllSymbols();
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
