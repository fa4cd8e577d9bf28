package io.aitrader.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.aitrader.errors.ApiException;
import io.aitrader.trading.rules.TradingRules;

/** The config's rules section (contract 10): absent, a preset file in configs/rules, or an object; checked in full. */
class RulesConfigTest {

    @TempDir
    Path dir;
    ConfigFixture fixture;
    ObjectNode config;

    @BeforeEach
    void setUp() {
        fixture = new ConfigFixture(dir);
        config = ConfigFixture.valid();
    }

    private ObjectNode rules() {
        return config.putObject("rules");
    }

    private List<String> problems() {
        return fixture.problems(config);
    }

    private void writePreset(String name, String content) {
        try {
            Files.createDirectories(dir.resolve("rules"));
            Files.writeString(dir.resolve("rules").resolve(name + ".json"), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void absentRulesAreNone() {
        assertSame(TradingRules.NONE, fixture.load(config).rules());
        config.putNull("rules");
        assertSame(TradingRules.NONE, fixture.load(config).rules());
    }

    @Test
    void anEmptyObjectIsNoneUnderTheNameCustom() {
        rules();
        TradingRules loaded = fixture.load(config).rules();
        assertEquals("custom", loaded.name());
        assertTrue(loaded.tradesAsNone());
    }

    @Test
    void everyFieldIsRead() {
        rules().put("name", "strict").put("commission_bps", 2.5).put("commission_per_share", "0.01")
                .put("commission_min", 1).put("slippage_bps", 5).put("allow_short", true).put("short_margin_pct", 160)
                .put("maintenance_margin_pct", 135).put("borrow_fee_bps_per_year", 30).put("max_position_pct", 20)
                .put("max_positions", 8).put("lot_size", 10).put("settlement", "T1").put("min_cash_pct", 5)
                .put("about", "a test").putObject("sources").put("lot_size", "made up");
        TradingRules r = fixture.load(config).rules();
        assertEquals(new TradingRules("strict", new BigDecimal("2.5"), new BigDecimal("0.01"), new BigDecimal("1"),
                new BigDecimal("5"), true, new BigDecimal("160"), new BigDecimal("135"), new BigDecimal("30"),
                new BigDecimal("20"), 8, 10, TradingRules.Settlement.T1, new BigDecimal("5")), r);
    }

    @Test
    void nullLimitsMeanNoLimit() {
        rules().putNull("max_position_pct").putNull("max_positions");
        TradingRules r = fixture.load(config).rules();
        assertNull(r.maxPositionPct());
        assertNull(r.maxPositions());
    }

    @Test
    void aNameReadsThePresetFile() {
        writePreset("cheap", "{\"commission_per_share\": 0.001, \"commission_min\": 0.5}");
        config.put("rules", "cheap");
        TradingRules r = fixture.load(config).rules();
        assertEquals("cheap", r.name(), "a preset without a name is named after its file");
        assertEquals(0, new BigDecimal("0.001").compareTo(r.commissionPerShare()));
        assertEquals(0, new BigDecimal("0.5").compareTo(r.commissionMin()));
    }

    @Test
    void aMissingPresetIsAProblem() {
        config.put("rules", "nope");
        assertEquals(List.of("rules 'nope' names a rules file, but rules/nope.json is not in the configs directory"),
                problems());
    }

    @Test
    void aPresetNameCannotLeaveTheRulesFolder() {
        config.put("rules", "../default_config");
        assertTrue(problems().get(0).startsWith("rules '../default_config' is neither a rules object nor a rules"
                + " file name"), problems()::toString);
    }

    @Test
    void aBrokenPresetIsAProblem() {
        writePreset("broken", "{\"slippage_bps\": ");
        config.put("rules", "broken");
        assertTrue(problems().get(0).startsWith("rules/broken.json is not valid JSON"), problems()::toString);
        writePreset("array", "[]");
        config.put("rules", "array");
        assertEquals(List.of("rules/array.json must be a JSON object of trading rules"), problems());
    }

    @Test
    void aPresetsProblemsNameTheFile() {
        writePreset("bad", "{\"slippage_bps\": -1}");
        config.put("rules", "bad");
        assertEquals(List.of("rules/bad.json.slippage_bps must be 0 or more (got -1)"), problems());
    }

    @Test
    void rulesMustBeAnObjectOrAName() {
        config.put("rules", 5);
        assertEquals(List.of("rules must be an object, the name of a rules file in configs/rules such as realistic,"
                + " or the path of a .json rules file inside the configs directory"), problems());
    }

    @Test
    void aJsonPathReadsARulesFileInsideTheConfigsDirectory() {
        fixture.write("my_costs.json", "{\"slippage_bps\": 3}");
        config.put("rules", "my_costs.json");
        TradingRules r = fixture.load(config).rules();
        assertEquals("my_costs", r.name(), "named after its file");
        assertEquals(0, new BigDecimal("3").compareTo(r.slippageBps()));
    }

    @Test
    void aJsonPathOutsideTheConfigsDirectoryOrMissingIsAProblem() {
        config.put("rules", "../outside.json");
        assertTrue(problems().get(0).startsWith("rules '../outside.json': a rules path must name a file inside"),
                problems()::toString);
        config.put("rules", "missing.json");
        assertTrue(problems().get(0).startsWith("rules 'missing.json': No config file at missing.json"),
                problems()::toString);
    }

    @Test
    void rulesGivenApartFromAConfigAreRequiredAndCheckedInFull() {
        ConfigService service = fixture.service();
        ApiException missing = assertThrows(ApiException.class, () -> service.loadRules(null));
        assertEquals(400, missing.status());
        assertEquals("invalid_rules", missing.code());
        ObjectNode bad = JsonNodeFactory.instance.objectNode().put("slippage_bps", -1).put("settlement", "T2");
        ApiException invalid = assertThrows(ApiException.class, () -> service.loadRules(bad));
        assertEquals(List.of("rules.slippage_bps must be 0 or more (got -1)",
                "rules.settlement must be \"T0\" or \"T1\" (got 'T2')"), invalid.toError().details().get("problems"));
        assertEquals("cheap", service.loadRules(JsonNodeFactory.instance.objectNode().put("name", "cheap")).name());
    }

    @Test
    void everyProblemIsListedAtOnce() {
        rules().put("commission_bps", -1).put("commission_per_share", "x").put("commission_min", -0.5)
                .put("slippage_bps", -2).put("allow_short", "maybe").put("short_margin_pct", -1)
                .put("borrow_fee_bps_per_year", -3).put("max_position_pct", 0).put("max_positions", 0)
                .put("lot_size", 0).put("settlement", "T2").put("min_cash_pct", 100).put("name", "has space")
                .put("commision_bps", 1).put("price_limit_pct", 100).put("quantity_decimals", 7);
        List<String> problems = problems();
        assertEquals(List.of("rules.commision_bps is not a rules field (known: allow_short, borrow_fee_bps_per_year,"
                + " commission_bps, commission_min, commission_per_share, lot_size, maintenance_margin_pct,"
                + " max_position_pct, max_positions, min_cash_pct, name, price_limit_pct, quantity_decimals, settlement,"
                + " short_margin_pct, slippage_bps, and the notes about, sources)",
                "rules.name 'has space' must be 1 to 64 letters, digits, '_' or '-' (it becomes part of signatures)",
                "rules.commission_bps must be 0 or more (got -1)", "rules.commission_per_share must be a number",
                "rules.commission_min must be 0 or more (got -0.5)", "rules.slippage_bps must be 0 or more (got -2)",
                "rules.allow_short must be true or false", "rules.short_margin_pct must be 0 or more (got -1)",
                "rules.borrow_fee_bps_per_year must be 0 or more (got -3)",
                "rules.max_position_pct must be more than 0 and at most 100, or null for no limit (got 0)",
                "rules.max_positions must be 1 or more, or null for no limit (got 0)",
                "rules.lot_size must be a whole number of shares, 1 or more (got 0)",
                "rules.settlement must be \"T0\" or \"T1\" (got 'T2')",
                "rules.min_cash_pct must be less than 100 (got 100)",
                "rules.price_limit_pct must be more than 0 and less than 100, or null for no limit (got 100)",
                "rules.quantity_decimals must be a whole number from 0 (whole shares) to 6 (got 7)"),
                problems);
    }

    @Test
    void maxPositionPctMayBeAHundredButNotMore() {
        rules().put("max_position_pct", 100);
        assertEquals(0, BigDecimal.valueOf(100).compareTo(fixture.load(config).rules().maxPositionPct()));
        rules().put("max_position_pct", 100.5);
        assertEquals(List.of("rules.max_position_pct must be more than 0 and at most 100, or null for no limit (got"
                + " 100.5)"), problems());
    }

    @Test
    void wholeNumbersAreWhole() {
        rules().put("lot_size", 2.5).put("max_positions", 1.5);
        assertEquals(List.of("rules.max_positions must be a whole number (got 1.5)",
                "rules.lot_size must be a whole number (got 2.5)"), problems());
    }

    @Test
    void theMaintenanceMarginMayNotExceedTheShortMargin() {
        rules().put("short_margin_pct", 120);
        assertEquals(List.of("rules.maintenance_margin_pct must not be more than short_margin_pct (got 130 > 120)"),
                problems());
        rules().put("short_margin_pct", 130);
        assertEquals(0, BigDecimal.valueOf(130).compareTo(fixture.load(config).rules().shortMarginPct()));
    }

    @Test
    void settlementIsT0OrT1() {
        rules().put("settlement", "t1");
        assertEquals(TradingRules.Settlement.T1, fixture.load(config).rules().settlement());
        rules().put("settlement", 1);
        assertEquals(List.of("rules.settlement must be a string"), problems());
    }

    @Test
    void notesMustBeTextOnKnownFields() {
        rules().put("about", 3).putObject("sources").put("nonsense", "x").put("lot_size", 4);
        assertEquals(
                List.of("rules.about must be a string", "rules.sources.nonsense must be a text note on a rules field",
                        "rules.sources.lot_size must be a text note on a rules field"),
                problems());
    }

    @Test
    void rulesProblemsJoinTheOtherSections() {
        rules().put("lot_size", 0);
        ((ObjectNode) config.get("agent_config")).put("max_steps", 0);
        List<String> problems = problems();
        assertTrue(problems.contains("rules.lot_size must be a whole number of shares, 1 or more (got 0)"),
                problems::toString);
        assertTrue(problems.contains("agent_config.max_steps must be a positive integer (got 0)"), problems::toString);
    }

    @Test
    void overrideFileMayReplaceTheRules() {
        fixture.overridePath = java.util.Optional.of(fixture.write("override.json", "{\"rules\": {\"lot_size\": 5}}"));
        assertEquals(5, fixture.load(config).rules().lotSize());
        assertFalse(fixture.load(config).rules().tradesAsNone());
    }
}
