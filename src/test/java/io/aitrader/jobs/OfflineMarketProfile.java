package io.aitrader.jobs;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** A store of its own (the shipped US sample only, no key): what a user offline sees for another market. */
public class OfflineMarketProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("%test.app.data-dir", "target/test-data-offline-market");
    }
}
