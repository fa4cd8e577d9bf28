package io.aitrader.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.aitrader.market.Market;
import io.aitrader.trading.rules.TradingRules;

/** The rules ride on the config in memory only; a job's stored config JSON is what it was before them. */
class SimulationConfigTest {

    static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    static SimulationConfig config(TradingRules rules) {
        return new SimulationConfig("BaseAgent", new SimulationConfig.DateRange(LocalDate.of(2025, 10, 1), null),
                List.of(new ModelSpec("Mock", "mock", "mock", null, true, null, null, Map.of("seed", "1"))),
                new AgentSettings(30, 3, 1.0, BigDecimal.TEN, 60, 600), List.of("AAPL"), "QQQ", rules, null);
    }

    @Test
    void theSixArgumentConfigIsUnderNone() {
        SimulationConfig old = new SimulationConfig("BaseAgent", new SimulationConfig.DateRange(null, null), List.of(),
                new AgentSettings(30, 3, 1.0, BigDecimal.TEN, 60, 600), List.of("AAPL"), "QQQ");
        assertSame(TradingRules.NONE, old.rules());
        assertSame(TradingRules.NONE, config(null).rules());
    }

    @Test
    void rulesAreStoredWithTheConfigAndOldJsonReadsAsNone() throws Exception {
        TradingRules custom = new TradingRules("custom", new BigDecimal("2.5"), new BigDecimal("0.005"),
                BigDecimal.ONE, BigDecimal.TEN, true, BigDecimal.valueOf(150), BigDecimal.valueOf(130),
                BigDecimal.valueOf(25), BigDecimal.valueOf(20), 5, 10, TradingRules.Settlement.T1, BigDecimal.ONE);
        String json = JSON.writeValueAsString(config(custom));
        assertTrue(json.contains("\"rules\":{\"name\":\"custom\""), json);
        assertEquals(config(custom), JSON.readValue(json, SimulationConfig.class));
        String before = JSON.writeValueAsString(config(TradingRules.NONE))
                .replaceFirst(",\"rules\":\\{.*\\},\"market\":\"US\"\\}$", "}");
        assertFalse(before.contains("rules") || before.contains("market"), before);
        SimulationConfig old = JSON.readValue(before, SimulationConfig.class);
        assertSame(TradingRules.NONE, old.rules());
        assertSame(Market.US, old.market(), "a config stored before markets is a US one");
    }
}
