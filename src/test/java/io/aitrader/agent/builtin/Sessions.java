package io.aitrader.agent.builtin;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.aitrader.agent.TradingSession;
import io.aitrader.config.AgentSettings;
import io.aitrader.config.ModelSpec;
import io.aitrader.trading.DayLedger;
import io.aitrader.trading.MarketPrices;
import io.aitrader.trading.Portfolio;

/** Builds model-day sessions the way the engine does for builtin traders (benchmark added to the tradeable set). */
final class Sessions {

    static final AgentSettings SETTINGS = new AgentSettings(30, 3, 1.0, new BigDecimal("10000"), 60, 600);

    private Sessions() {
    }

    static ModelSpec builtin(String basemodel, Map<String, Object> options) {
        return new ModelSpec(basemodel, "baseline-" + basemodel, ModelSpec.BUILTIN, basemodel, true, null, null,
                options);
    }

    static TradingSession session(ModelSpec model, LocalDate date, Portfolio start, MarketPrices prices,
            List<String> universe, String benchmark) {
        Set<String> tradeable = new HashSet<>(universe);
        tradeable.add(benchmark);
        DayLedger ledger = new DayLedger(date, start, prices, tradeable);
        return new TradingSession("job-1", model, SETTINGS, date, date.minusDays(1), ledger, prices, universe,
                benchmark, () -> false);
    }

    static void assertMoney(String expected, BigDecimal actual) {
        org.junit.jupiter.api.Assertions.assertEquals(0, new BigDecimal(expected).compareTo(actual),
                () -> "expected " + expected + " but was " + actual);
    }
}
