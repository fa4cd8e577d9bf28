package io.aitrader.jobs;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** LOG_FORMAT=json, with the engine's debug lines on so that every model-day logs. */
public class JsonLogsProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("app.log-format", "json", "quarkus.log.category.\"io.aitrader.jobs\".level", "DEBUG");
    }
}
