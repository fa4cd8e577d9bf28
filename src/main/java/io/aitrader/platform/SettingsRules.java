package io.aitrader.platform;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.eclipse.microprofile.config.Config;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.parser.CronParser;

import io.aitrader.config.OpenAiSettings;
import io.aitrader.jobs.JobsSettings;
import io.aitrader.prices.PriceSettings;
import io.aitrader.results.ResultsSettings;

/**
 * What each deployment setting must be, beyond its type (SmallRye Config refuses a number that is not one), over the
 * features' settings mappings; the problems come in the order of the README's configuration table, which gives the
 * same ranges.
 */
final class SettingsRules {

    static final int MIN_WORK_LEASE_SECONDS = 5;
    /** ClaimingWorker's slots when MAX_PARALLEL_MODELS is 0 (all). */
    static final int MAX_PARALLEL_MODELS = 64;
    static final int MAX_INSTANCE_ID_LENGTH = 64;
    static final String HTTP_PORT = "quarkus.http.port";
    static final String AUTO_DOWNLOAD = "app.auto-download-price-data";

    private static final Pattern INSTANCE_ID = Pattern.compile("[A-Za-z0-9._-]{1," + MAX_INSTANCE_ID_LENGTH + "}");
    // SmallRye reads every other word as false, so a typo such as "ture" would silently turn downloads off
    private static final Set<String> BOOLEANS = Set.of("true", "false", "yes", "no", "on", "off", "y", "n", "1", "0");
    // Quarkus' scheduler parses cron expressions as Quartz ones (its default quarkus.scheduler.cron-type) with this
    private static final CronParser CRON = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.QUARTZ));

    private SettingsRules() {
    }

    /** Every broken rule; API_PORT and the raw AUTO_DOWNLOAD_PRICE_DATA come from {@code config}. */
    static SettingProblems check(JobsSettings jobs, PriceSettings prices, OpenAiSettings openAi,
            ResultsSettings results, Config config) {
        SettingProblems problems = new SettingProblems();
        problems.between("API_PORT", HTTP_PORT, config.getOptionalValue(HTTP_PORT, Integer.class).orElse(8080), 0,
                65535, " (0: any free port)");
        problems.atLeast("MAX_CONCURRENT_JOBS", "app.max-concurrent-jobs", jobs.maxConcurrentJobs(), 1);
        problems.atLeast("MAX_SIMULATION_DAYS", "app.max-simulation-days", jobs.maxSimulationDays(), 1);
        problems.between("MAX_PARALLEL_MODELS", "app.max-parallel-models", jobs.maxParallelModels(), 0,
                MAX_PARALLEL_MODELS, " (0: all of a job's models at once)");
        String autoDownload = config.getConfigValue(AUTO_DOWNLOAD).getValue();
        if (autoDownload != null && !BOOLEANS.contains(autoDownload.strip().toLowerCase(Locale.ROOT))) {
            problems.add("AUTO_DOWNLOAD_PRICE_DATA", AUTO_DOWNLOAD, SettingProblems.quoted(autoDownload),
                    "must be true or false");
        }
        problems.atLeast("ALPHAADVANTAGE_REQUESTS_PER_MINUTE", "app.alpha-vantage.requests-per-minute",
                prices.alphaVantage().requestsPerMinute(), 1);
        httpUrl(problems, "ALPHAADVANTAGE_BASE_URL", "app.alpha-vantage.base-url", prices.alphaVantage().baseUrl());
        problems.atLeast("MASSIVE_REQUESTS_PER_MINUTE", "app.massive.requests-per-minute",
                prices.massive().requestsPerMinute(), 1);
        httpUrl(problems, "MASSIVE_BASE_URL", "app.massive.base-url", prices.massive().baseUrl());
        openAi.openaiApiBase().filter(url -> !url.isBlank())
                .ifPresent(url -> httpUrl(problems, "OPENAI_API_BASE", "app.openai-api-base", url));
        problems.atLeast("DEFAULT_RESULTS_LOOKBACK_DAYS", "app.default-results-lookback-days",
                results.defaultResultsLookbackDays(), 1);
        double rate = results.riskFreeRate();
        if (!(rate > -100 && rate < 100)) { // also NaN, which SmallRye reads from "NaN"
            problems.add("RISK_FREE_RATE", "app.risk-free-rate", number(rate),
                    "must be an annual rate in percent, between -100 and 100 (e.g. 4.25)");
        }
        cron(problems, jobs.scheduleCron());
        problems.atLeast("WORK_LEASE_SECONDS", "app.work-lease-seconds", jobs.workLeaseSeconds(),
                MIN_WORK_LEASE_SECONDS);
        problems.atLeast("MAX_DAY_ATTEMPTS", "app.max-day-attempts", jobs.maxDayAttempts(), 1);
        jobs.instanceId().filter(id -> !id.isBlank() && !INSTANCE_ID.matcher(id).matches())
                .ifPresent(id -> problems.add("INSTANCE_ID", "app.instance-id", SettingProblems.quoted(id),
                        "must be 1 to " + MAX_INSTANCE_ID_LENGTH + " letters, digits, '.', '_' or '-' (it names "
                                + "this instance in logs and leases)"));
        return problems;
    }

    private static void httpUrl(SettingProblems problems, String variable, String property, String url) {
        boolean valid;
        try {
            URI uri = new URI(url.strip());
            valid = ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (URISyntaxException e) {
            valid = false;
        }
        if (!valid) {
            problems.add(variable, property, SettingProblems.quoted(url),
                    "must be an http:// or https:// URL with a host name");
        }
    }

    private static void cron(SettingProblems problems, String cron) {
        if (cron.equalsIgnoreCase("off") || cron.equalsIgnoreCase("disabled")) {
            return;
        }
        try {
            CRON.parse(cron);
        } catch (IllegalArgumentException e) {
            problems.add("SCHEDULE_CRON", "app.schedule-cron", SettingProblems.quoted(cron),
                    "must be off or a Quartz cron expression of 6 or 7 fields, seconds first, read in UTC (e.g. "
                            + "\"0 30 22 ? * MON-FRI\"): " + SettingProblems.escaped(String.valueOf(e.getMessage())));
        }
    }

    private static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15
                ? Long.toString((long) value)
                : Double.toString(value);
    }
}
