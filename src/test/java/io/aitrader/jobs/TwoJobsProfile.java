package io.aitrader.jobs;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** MAX_CONCURRENT_JOBS=2: a second job can start while the first still runs. */
public class TwoJobsProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() { return Map.of("app.max-concurrent-jobs", "2"); }
}
