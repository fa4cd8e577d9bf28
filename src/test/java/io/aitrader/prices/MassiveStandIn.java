package io.aitrader.prices;

import java.io.IOException;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Map;

/** The application under test against a {@link FakeMassive} (PRICE_PROVIDER=auto picks it), on an empty store. */
public class MassiveStandIn extends ProviderStandIn<FakeMassive> {

    static final Path DATA_DIR = Path.of("target", "test-data-massive");

    public MassiveStandIn() {
        super(DATA_DIR);
    }

    @Override
    protected FakeMassive startStandIn() throws IOException {
        return new FakeMassive(InstantSource.system());
    }

    @Override
    protected Map<String, String> providerConfig(FakeMassive standIn) {
        return Map.of("app.massive.api-key", "stand-in-key", "%test.app.massive.api-key", "stand-in-key",
                "app.massive.base-url", standIn.baseUrl(), "app.massive.requests-per-minute", "1000");
    }
}
