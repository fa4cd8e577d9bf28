package io.aitrader.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import io.aitrader.prices.SamplePrices;

/** The configs shipped in {@code configs/} (and the test copy) load as they are, with no variable set. */
class ShippedConfigTest {

    private static SimulationConfig load(String configsDir, String path) {
        var environment = new ConfigEnvironment(Path.of(configsDir), path, Optional.empty(), Optional.empty(),
                Optional.empty(), name -> null);
        return new ConfigService(environment, ConfigFixture.MAPPER).defaultConfig();
    }

    @Test
    void theShippedDefaultConfigLoadsAndRunsOffline() {
        SimulationConfig config = load("configs", "configs/default_config.json");
        assertEquals(List.of("mock-trader", "mock-contrarian", "baseline-qqq", "baseline-equal"),
                config.enabledModels().stream().map(ModelSpec::signature).toList());
        assertTrue(config.enabledModels().stream().allMatch(m -> Set.of("mock", "builtin").contains(m.provider())),
                "every enabled model runs without a network");
        assertEquals("42", config.model("mock-trader").orElseThrow().option("seed"));
        assertEquals("7", config.model("mock-contrarian").orElseThrow().option("seed"));
        assertEquals("QQQ", config.model("baseline-qqq").orElseThrow().option("symbol"));
        ModelSpec openai = config.model("gpt-4o-mini").orElseThrow();
        assertFalse(openai.enabled());
        assertNull(openai.apiKey(), "its ${OPENAI_API_KEY} is not set here, and it is disabled");
        assertEquals(new SimulationConfig.DateRange(LocalDate.of(2025, 10, 1), LocalDate.of(2025, 10, 21)),
                config.dateRange());
        assertEquals(new AgentSettings(30, 3, 1.0, new BigDecimal("10000.0"), 60, 600), config.agentConfig());
        assertEquals(101, config.symbols().size());
        assertEquals("QQQ", config.benchmark());
    }

    @Test
    void theShippedUniverseIsTheSymbolSetOfTheRealPriceFile() throws IOException {
        Set<String> real = new TreeSet<>();
        String second = new String(SamplePrices.content(SamplePrices.FILES.get(1)), StandardCharsets.UTF_8);
        second.lines().filter(line -> !line.isBlank()).forEach(line -> real.add(symbolOf(line)));
        assertEquals(real, new TreeSet<>(load("configs", "configs/default_config.json").symbols()));
    }

    @Test
    void theTestDefaultConfigHasASmallUniverseAndTheSameModels() {
        SimulationConfig config = load("src/test/resources/configs", "configs/default_config.json");
        assertEquals(10, config.symbols().size());
        assertEquals(4, config.enabledModels().size());
        assertEquals("QQQ", config.benchmark());
    }

    private static String symbolOf(String line) {
        try {
            return ConfigFixture.MAPPER.readTree(line).get("Meta Data").get("2. Symbol").asText();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
