package io.aitrader.prices;

import java.io.IOException;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Map;

/** The application under test against a {@link FakeAlphaVantage}, on an empty store of its own. */
public class AlphaVantageStandIn extends ProviderStandIn<FakeAlphaVantage> {

    static final Path DATA_DIR = Path.of("target", "test-data-downloads");

    public AlphaVantageStandIn() {
        super(DATA_DIR);
    }

    @Override
    protected FakeAlphaVantage startStandIn() throws IOException {
        return new FakeAlphaVantage(InstantSource.system());
    }

    @Override
    protected Map<String, String> providerConfig(FakeAlphaVantage standIn) {
        return Map.of("app.alpha-vantage.api-key", "stand-in-key", "%test.app.alpha-vantage.api-key", "stand-in-key",
                "app.alpha-vantage.base-url", standIn.baseUrl(), "app.alpha-vantage.requests-per-minute", "1000");
    }
}
