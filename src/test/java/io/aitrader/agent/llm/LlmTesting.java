package io.aitrader.agent.llm;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import io.aitrader.agent.InformationSearch;
import io.aitrader.agent.TestSessions;
import io.aitrader.agent.Trader;
import io.aitrader.agent.TradingSession;
import io.aitrader.agent.factory.TraderFactory;
import io.aitrader.config.AgentSettings;
import io.aitrader.config.ModelSpec;
import io.aitrader.platform.http.SharedHttpClient;
import io.aitrader.platform.retry.Pause;
import io.aitrader.trading.DayLedger;
import io.aitrader.trading.Portfolio;

/** Traders built by the real factory against a stand-in, with a pause that only records its waits. */
final class LlmTesting {

    static final String KEY = "sk-standin-SECRET-0123456789abcdef";

    final List<Duration> waits = new CopyOnWriteArrayList<>();
    final AtomicBoolean cancelled = new AtomicBoolean();
    final SharedHttpClient http = new SharedHttpClient();
    final AgentSettings settings;

    LlmTesting(int maxSteps, int maxRetries, int callTimeoutSeconds) {
        this.settings = new AgentSettings(maxSteps, maxRetries, 0.5, new BigDecimal("10000"), callTimeoutSeconds,
                600);
    }

    Pause recordingPause() {
        return (duration, stop) -> {
            waits.add(duration);
            return !stop.getAsBoolean();
        };
    }

    Trader trader(String provider, String baseUrl, InformationSearch search) {
        return trader(provider, baseUrl, search, Map.of());
    }

    Trader trader(String provider, String baseUrl, InformationSearch search, Map<String, Object> options) {
        ModelSpec spec = new ModelSpec("Stand-in", "standin-model", provider, "gpt-test", true, baseUrl, KEY,
                options);
        return new TraderFactory(search, recordingPause(), http).create(spec, settings, TestSessions.UNIVERSE);
    }

    Trader trader(OpenAiStandIn standIn) {
        return trader(ModelSpec.OPENAI, standIn.baseUrl(), null);
    }

    TradingSession session() {
        ModelSpec spec = new ModelSpec("Stand-in", "standin-model", ModelSpec.OPENAI, "gpt-test", true, null, null,
                Map.of());
        Portfolio start = Portfolio.cashOnly(new BigDecimal("10000"));
        DayLedger ledger = new DayLedger(TestSessions.TODAY, start, TestSessions.PRICES,
                new HashSet<>(TestSessions.UNIVERSE));
        return new TradingSession("job-llm", spec, settings, TestSessions.TODAY, TestSessions.YESTERDAY, ledger,
                TestSessions.PRICES, new ArrayList<>(TestSessions.UNIVERSE), TestSessions.BENCHMARK, cancelled::get);
    }
}
