package io.aitrader.platform;

import java.util.List;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import jakarta.interceptor.Interceptor;

import org.eclipse.microprofile.config.Config;

import io.aitrader.config.OpenAiSettings;
import io.aitrader.jobs.JobsSettings;
import io.aitrader.prices.PriceSettings;
import io.aitrader.results.ResultsSettings;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigurationException;

/**
 * Refuses to start (server and batch mode alike) when a deployment setting makes no sense, listing every problem
 * (see {@link SettingsRules}) before anything else starts.
 */
@Singleton
public class SettingsCheck {

    /** Before the scheduler's own startup observer (priority 0), which fails on a bad SCHEDULE_CRON less clearly. */
    public static final int PRIORITY = Interceptor.Priority.PLATFORM_BEFORE - 1;

    void onStart(@Observes @Priority(PRIORITY) StartupEvent event, JobsSettings jobs, PriceSettings prices,
            OpenAiSettings openAi, ResultsSettings results, Config config) {
        SettingProblems problems = SettingsRules.check(jobs, prices, openAi, results, config);
        if (!problems.lines().isEmpty()) {
            // Quarkus prints its message alone, without a stack trace, and exits with 1 (batch mode: see cli.Main)
            throw new ConfigurationException(message(problems.lines()), problems.properties());
        }
    }

    static String message(List<String> problems) {
        return "Refusing to start, " + (problems.size() == 1 ? "a setting is" : problems.size() + " settings are")
                + " invalid:\n  - " + String.join("\n  - ", problems);
    }
}
