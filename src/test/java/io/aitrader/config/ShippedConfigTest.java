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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.TextNode;

import io.aitrader.prices.SamplePrices;
import io.aitrader.trading.rules.TradingRules;

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

    @Test
    void theShippedRulesPresetsLoadInBothConfigDirectories() {
        for (String configsDir : List.of("configs", "src/test/resources/configs")) {
            List<String> problems = new ArrayList<>();
            RulesParser parser = new RulesParser(ConfigFixture.MAPPER, Path.of(configsDir));
            TradingRules none = parser.parse(TextNode.valueOf("none"), problems);
            TradingRules realistic = parser.parse(TextNode.valueOf("realistic"), problems);
            assertEquals(List.of(), problems, configsDir);
            assertEquals("none", none.name());
            assertTrue(none.tradesAsNone(), "none.json trades as contract 4.2");
            assertEquals(new TradingRules("realistic", BigDecimal.ZERO, new BigDecimal("0.005"),
                    new BigDecimal("1.0"), new BigDecimal("5"), false, new BigDecimal("150"), new BigDecimal("130"),
                    new BigDecimal("25"), new BigDecimal("25"), null, 1, TradingRules.Settlement.T0, BigDecimal.ZERO),
                    realistic, "the contract's section 10 example");
        }
    }

    @Test
    void everyRealisticFigureSaysWhereItComesFrom() throws IOException {
        var preset = ConfigFixture.MAPPER.readTree(Path.of("configs/rules/realistic.json").toFile());
        assertTrue(preset.get("about").asText().contains("without network access"));
        for (String field : List.of("commission_bps", "commission_per_share", "commission_min", "slippage_bps",
                "short_margin_pct", "maintenance_margin_pct", "borrow_fee_bps_per_year", "max_position_pct",
                "settlement", "allow_short")) {
            assertFalse(preset.path("sources").path(field).asText("").isBlank(), field + " has no source");
        }
    }

    private static String symbolOf(String line) {
        try {
            return ConfigFixture.MAPPER.readTree(line).get("Meta Data").get("2. Symbol").asText();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
