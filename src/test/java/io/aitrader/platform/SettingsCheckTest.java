package io.aitrader.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.aitrader.agent.search.JinaSettings;
import io.aitrader.auth.ApiKeySettings;
import io.aitrader.config.ConfigSettings;
import io.aitrader.config.ConfigStartupCheck;
import io.aitrader.config.OpenAiSettings;
import io.aitrader.config.ProcessSettings;
import io.aitrader.jobs.JobsSettings;
import io.aitrader.prices.PriceSettings;
import io.aitrader.results.ResultsSettings;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

class SettingsCheckTest {

    /** The problems of the settings built from these properties over the defaults, as at start. */
    private static List<String> problems(Map<String, String> properties) {
        SmallRyeConfig config = config(properties);
        return SettingsRules.check(config.getConfigMapping(JobsSettings.class),
                config.getConfigMapping(PriceSettings.class), config.getConfigMapping(OpenAiSettings.class),
                config.getConfigMapping(ResultsSettings.class), config).lines();
    }

    private static void start(SmallRyeConfig config) {
        new SettingsCheck().onStart(null, config.getConfigMapping(JobsSettings.class),
                config.getConfigMapping(PriceSettings.class), config.getConfigMapping(OpenAiSettings.class),
                config.getConfigMapping(ResultsSettings.class), config);
    }

    /** Every app.* mapping of the service, as Quarkus registers them: they share the prefix. */
    private static SmallRyeConfig config(Map<String, String> properties) {
        return new SmallRyeConfigBuilder().withMapping(JobsSettings.class).withMapping(PriceSettings.class)
                .withMapping(OpenAiSettings.class).withMapping(ResultsSettings.class)
                .withMapping(ConfigSettings.class).withMapping(ProcessSettings.class)
                .withMapping(ApiKeySettings.class).withMapping(JinaSettings.class)
                .withConverter(Path.class, 100, Path::of)
                .withSources(new PropertiesConfigSource(properties, "test", 500)).build();
    }

    private static void assertRefused(String property, String value, String expectedLine) {
        List<String> problems = problems(Map.of(property, value));
        assertEquals(List.of(expectedLine), problems, property + "=" + value);
    }

    private static void assertAccepted(String property, String... values) {
        for (String value : values) {
            assertEquals(List.of(), problems(Map.of(property, value)), property + "=" + value);
        }
    }

    @Test
    void theDefaultsPass() {
        assertEquals(List.of(), problems(Map.of()));
    }

    @Test
    void everyProblemIsListedWithItsVariableValueAndRange() {
        Map<String, String> properties = Map.of("app.work-lease-seconds", "0", "app.max-concurrent-jobs", "0");
        SmallRyeConfig config = config(properties);
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> start(config));
        assertEquals("""
                Refusing to start, 2 settings are invalid:
                  - MAX_CONCURRENT_JOBS=0 (app.max-concurrent-jobs): must be at least 1
                  - WORK_LEASE_SECONDS=0 (app.work-lease-seconds): must be at least 5""", e.getMessage());
        assertEquals(Set.of("app.work-lease-seconds", "app.max-concurrent-jobs"), e.getConfigKeys());
    }

    @Test
    void validSettingsStartQuietly() {
        start(config(Map.of("app.work-lease-seconds", "5")));
    }

    @Test
    void theFeaturesShareTheAppPrefixEachReadingItsOwnProperties() {
        SmallRyeConfig config = config(Map.of("app.max-day-attempts", "7", "app.alpha-vantage.requests-per-minute",
                "9", "app.jina-api-key", "j", "app.jina.reader-url", "http://reader/", "app.api-keys", "a:k",
                "app.configs-dir", "cfg", "app.openai-api-base", "http://llm/", "app.risk-free-rate", "1.5",
                "app.log-format", "json", "app.command-mode", "true"));
        assertEquals(7, config.getConfigMapping(JobsSettings.class).maxDayAttempts());
        assertEquals(9, config.getConfigMapping(PriceSettings.class).alphaVantage().requestsPerMinute());
        assertEquals("j", config.getConfigMapping(JinaSettings.class).jinaApiKey().orElseThrow());
        assertEquals("http://reader/", config.getConfigMapping(JinaSettings.class).jina().readerUrl());
        assertEquals("a:k", config.getConfigMapping(ApiKeySettings.class).apiKeys().orElseThrow());
        assertEquals(Path.of("cfg"), config.getConfigMapping(ConfigSettings.class).configsDir());
        assertEquals("http://llm/", config.getConfigMapping(OpenAiSettings.class).openaiApiBase().orElseThrow());
        assertEquals(1.5, config.getConfigMapping(ResultsSettings.class).riskFreeRate());
        assertEquals(ProcessSettings.LogFormat.JSON, config.getConfigMapping(ProcessSettings.class).logFormat());
        assertTrue(config.getConfigMapping(ProcessSettings.class).commandMode());
    }

    @Test
    void wholeNumbersHaveTheirFloors() {
        assertRefused("app.max-concurrent-jobs", "-3",
                "MAX_CONCURRENT_JOBS=-3 (app.max-concurrent-jobs): must be at least 1");
        assertRefused("app.max-simulation-days", "0",
                "MAX_SIMULATION_DAYS=0 (app.max-simulation-days): must be at least 1");
        assertRefused("app.alpha-vantage.requests-per-minute", "0",
                "ALPHAADVANTAGE_REQUESTS_PER_MINUTE=0 (app.alpha-vantage.requests-per-minute): must be at least 1");
        assertRefused("app.massive.requests-per-minute", "0",
                "MASSIVE_REQUESTS_PER_MINUTE=0 (app.massive.requests-per-minute): must be at least 1");
        assertRefused("app.default-results-lookback-days", "0",
                "DEFAULT_RESULTS_LOOKBACK_DAYS=0 (app.default-results-lookback-days): must be at least 1");
        assertRefused("app.work-lease-seconds", "4",
                "WORK_LEASE_SECONDS=4 (app.work-lease-seconds): must be at least 5");
        assertAccepted("app.work-lease-seconds", "5", "3600");
        assertAccepted("app.max-concurrent-jobs", "1", "50");
        assertAccepted("app.max-simulation-days", "1", "2520");
        assertAccepted("app.alpha-vantage.requests-per-minute", "1", "1000");
        assertAccepted("app.default-results-lookback-days", "1", "365");
    }

    @Test
    void parallelModelsAreAllOrAtMost64() {
        assertAccepted("app.max-parallel-models", "0", "1", "64");
        assertRefused("app.max-parallel-models", "-1",
                "MAX_PARALLEL_MODELS=-1 (app.max-parallel-models): must be from 0 to 64 (0: all of a job's models at "
                        + "once)");
        assertEquals(1, problems(Map.of("app.max-parallel-models", "65")).size());
    }

    @Test
    void thePortIsOneATcpListenerCanTake() {
        assertAccepted(SettingsRules.HTTP_PORT, "0", "8080", "65535");
        assertRefused(SettingsRules.HTTP_PORT, "70000",
                "API_PORT=70000 (quarkus.http.port): must be from 0 to 65535 (0: any free port)");
        assertEquals(1, problems(Map.of(SettingsRules.HTTP_PORT, "-1")).size());
    }

    @Test
    void theRiskFreeRateIsAPercentageBetweenMinusAndPlus100() {
        assertAccepted("app.risk-free-rate", "0", "4.25", "-2", "99.9");
        assertRefused("app.risk-free-rate", "150", "RISK_FREE_RATE=150 (app.risk-free-rate): must be an annual rate "
                + "in percent, between -100 and 100 (e.g. 4.25)");
        assertEquals(1, problems(Map.of("app.risk-free-rate", "-100")).size());
        assertEquals(1, problems(Map.of("app.risk-free-rate", "0.5e3")).size());
        assertTrue(problems(Map.of("app.risk-free-rate", "NaN")).get(0).startsWith("RISK_FREE_RATE=NaN "));
        assertTrue(problems(Map.of("app.risk-free-rate", "Infinity")).get(0).startsWith("RISK_FREE_RATE=Infinity "));
    }

    @Test
    void theScheduleIsOffOrAQuarkusCronExpression() {
        assertAccepted("app.schedule-cron", "off", "OFF", "disabled", "0 30 22 ? * MON-FRI", "0 0/15 * * * ?",
                "0 0 6 * * ? 2026");
        List<String> problems = problems(Map.of("app.schedule-cron", "garbage"));
        assertEquals(List.of("SCHEDULE_CRON=\"garbage\" (app.schedule-cron): must be off or a Quartz cron expression "
                + "of 6 or 7 fields, seconds first, read in UTC (e.g. \"0 30 22 ? * MON-FRI\"): Cron expression "
                + "contains 1 parts but we expect one of [6, 7]"), problems);
        for (String cron : new String[]{"30 22 * * 1-5", "0 0 25 * * ?", "0 0 12 * * MONDAY", "0 61 * * * ?"}) {
            assertEquals(1, problems(Map.of("app.schedule-cron", cron)).size(), cron);
        }
    }

    @Test
    void baseUrlsAreHttpUrlsWithAHost() {
        assertAccepted("app.alpha-vantage.base-url", "https://www.alphavantage.co", "http://127.0.0.1:8089/");
        assertRefused("app.alpha-vantage.base-url", "www.alphavantage.co", "ALPHAADVANTAGE_BASE_URL="
                + "\"www.alphavantage.co\" (app.alpha-vantage.base-url): must be an http:// or https:// URL with a "
                + "host name");
        for (String url : new String[]{"ftp://files.example", "http://", "https:// spaces .example",
                "localhost:11434"}) {
            assertEquals(1, problems(Map.of("app.alpha-vantage.base-url", url)).size(), url);
        }
        assertAccepted("app.massive.base-url", "https://api.massive.com", "https://api.polygon.io");
        assertRefused("app.massive.base-url", "api.massive.com", "MASSIVE_BASE_URL=\"api.massive.com\" "
                + "(app.massive.base-url): must be an http:// or https:// URL with a host name");
        assertAccepted("app.openai-api-base", "", "https://openrouter.ai/api/v1", "http://localhost:11434/v1");
        assertRefused("app.openai-api-base", "openrouter.ai/api/v1", "OPENAI_API_BASE=\"openrouter.ai/api/v1\" "
                + "(app.openai-api-base): must be an http:// or https:// URL with a host name");
    }

    @Test
    void anInstanceIdCannotBreakALogLine() {
        assertAccepted("app.instance-id", "", "node-1", "ip-10-0-0-7.ec2.internal", "worker_2", "x".repeat(64));
        assertRefused("app.instance-id", "node 1\nFAKE LOG LINE", "INSTANCE_ID=\"node 1\\u000aFAKE LOG LINE\" "
                + "(app.instance-id): must be 1 to 64 letters, digits, '.', '_' or '-' (it names this instance in logs "
                + "and leases)");
        for (String id : new String[]{"x".repeat(65), "node\"1", "nœud", "node:1"}) {
            List<String> problems = problems(Map.of("app.instance-id", id));
            assertEquals(1, problems.size(), id);
            assertFalse(problems.get(0).contains("\n"), problems::toString);
        }
        assertTrue(problems(Map.of("app.instance-id", "y".repeat(500))).get(0).contains("y".repeat(100) + "…\""));
    }

    @Test
    void aTypoInABooleanIsNotReadAsFalse() {
        assertAccepted(SettingsRules.AUTO_DOWNLOAD, "true", "false", "FALSE", "yes", "no", "on", "off", "1", "0");
        assertRefused(SettingsRules.AUTO_DOWNLOAD, "ture",
                "AUTO_DOWNLOAD_PRICE_DATA=\"ture\" (app.auto-download-price-data): must be true or false");
    }

    @Test
    void everyRuleBrokenAtOnceIsListedInTheReadmeOrder() {
        Map<String, String> properties = new HashMap<>();
        properties.put(SettingsRules.HTTP_PORT, "99999");
        properties.put("app.max-concurrent-jobs", "0");
        properties.put("app.max-simulation-days", "0");
        properties.put("app.max-parallel-models", "-1");
        properties.put(SettingsRules.AUTO_DOWNLOAD, "maybe");
        properties.put("app.alpha-vantage.requests-per-minute", "0");
        properties.put("app.alpha-vantage.base-url", "nowhere");
        properties.put("app.openai-api-base", "nowhere");
        properties.put("app.default-results-lookback-days", "0");
        properties.put("app.risk-free-rate", "-300");
        properties.put("app.schedule-cron", "hourly");
        properties.put("app.work-lease-seconds", "1");
        properties.put("app.max-day-attempts", "0");
        properties.put("app.instance-id", "a b");
        List<String> variables = problems(properties).stream().map(line -> line.substring(0, line.indexOf('=')))
                .toList();
        assertEquals(List.of("API_PORT", "MAX_CONCURRENT_JOBS", "MAX_SIMULATION_DAYS", "MAX_PARALLEL_MODELS",
                "AUTO_DOWNLOAD_PRICE_DATA", "ALPHAADVANTAGE_REQUESTS_PER_MINUTE", "ALPHAADVANTAGE_BASE_URL",
                "OPENAI_API_BASE", "DEFAULT_RESULTS_LOOKBACK_DAYS", "RISK_FREE_RATE", "SCHEDULE_CRON",
                "WORK_LEASE_SECONDS", "MAX_DAY_ATTEMPTS", "INSTANCE_ID"), variables);
    }

    @Test
    void secretsAreNeverChecked() {
        Map<String, String> secrets = Map.of("app.alpha-vantage.api-key", "av-s3cret", "app.openai-api-key",
                "sk-s3cret", "app.jina-api-key", "jina-s3cret", "app.api-keys", "ops:k-s3cret", "app.database-url",
                "postgres://u:s3cret@db/aitrader", "app.work-lease-seconds", "0");
        List<String> problems = problems(secrets);
        assertEquals(1, problems.size(), problems::toString);
        assertFalse(problems.get(0).contains("s3cret"), problems::toString);
    }

    @Test
    void itRunsBeforeTheSchedulerAndTheDefaultConfigCheck() {
        assertTrue(SettingsCheck.PRIORITY < 0, "the scheduler starts at priority 0");
        assertTrue(SettingsCheck.PRIORITY < ConfigStartupCheck.PRIORITY);
    }
}
