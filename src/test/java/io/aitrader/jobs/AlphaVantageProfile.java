package io.aitrader.jobs;

import java.util.List;

import io.aitrader.prices.AlphaVantageStandIn;
import io.quarkus.test.junit.QuarkusTestProfile;

/** An Alpha Vantage key pointing at the project's stand-in, and an empty price store of its own. */
public class AlphaVantageProfile implements QuarkusTestProfile {

    /** The stand-in config's symbols, in download order (the universe, then the benchmark). */
    static final List<String> SYMBOLS = List.of("AAPL", "MSFT", "NVDA", "AMZN", "GOOGL", "META", "TSLA", "QQQ");

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(AlphaVantageStandIn.class));
    }
}
