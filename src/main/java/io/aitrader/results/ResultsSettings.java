package io.aitrader.results;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Defaults of the read endpoints. The ranges named here are checked at start by platform.SettingsCheck. */
@ConfigMapping(prefix = "app")
public interface ResultsSettings {

    /** DEFAULT_RESULTS_LOOKBACK_DAYS: calendar days covered by read endpoints when no range is given; at least 1. */
    @WithDefault("30")
    int defaultResultsLookbackDays();

    /** RISK_FREE_RATE: annual risk-free rate in percent for GET /performance's Sharpe ratio; between -100 and 100. */
    @WithDefault("0")
    double riskFreeRate();
}
