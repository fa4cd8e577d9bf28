package io.aitrader.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.aitrader.market.Market;
import io.aitrader.trading.rules.TradingRules;

/** A config's market (contract 12): its defaults for universe, benchmark, initial cash and rules; its own win. */
class MarketConfigTest {

    @TempDir
    Path dir;
    ConfigFixture fixture;
    ObjectNode config;

    @BeforeEach
    void setUp() throws IOException {
        fixture = new ConfigFixture(dir);
        config = ConfigFixture.valid();
        for (String list : List.of("sse50", "crypto10", "nasdaq100")) {
            Files.copy(Path.of("configs", list + "_symbols.json"), dir.resolve(list + "_symbols.json"));
        }
    }

    @Test
    void withoutAMarketAConfigIsUsAsBefore() {
        SimulationConfig loaded = fixture.load(config);
        assertSame(Market.US, loaded.market());
        assertSame(TradingRules.NONE, loaded.rules());
        assertEquals("QQQ", loaded.benchmark());
    }

    /** The config on {@code market} with no universe, benchmark or initial cash of its own. */
    private SimulationConfig onlyMarket(String market) {
        config.put("market", market);
        config.remove("symbols");
        config.remove("benchmark");
        ((ObjectNode) config.get("agent_config")).remove("initial_cash");
        return fixture.load(config);
    }

    @Test
    void cnTakesTheShanghaiDefaults() {
        SimulationConfig loaded = onlyMarket("cn");
        assertSame(Market.CN, loaded.market());
        assertEquals(50, loaded.symbols().size());
        assertTrue(loaded.symbols().stream().allMatch(s -> s.matches("\\d{6}\\.SHH")), loaded.symbols().toString());
        assertEquals("510050.SHH", loaded.benchmark());
        assertEquals(0, BigDecimal.valueOf(100_000).compareTo(loaded.agentConfig().initialCash()));
        assertEquals(Market.CN.rules(), loaded.rules());
    }

    @Test
    void aConfigsOwnRulesWinFieldByField() {
        config.put("market", "cn");
        config.putObject("rules").put("lot_size", 1).put("commission_bps", 3);
        TradingRules rules = fixture.load(config).rules();
        assertEquals(1, rules.lotSize());
        assertEquals(0, BigDecimal.valueOf(3).compareTo(rules.commissionBps()));
        assertEquals(TradingRules.Settlement.T1, rules.settlement(), "unset fields keep the market's");
        assertEquals(0, BigDecimal.TEN.compareTo(rules.priceLimitPct()));
        config.putObject("rules").putNull("price_limit_pct");
        assertNull(fixture.load(config).rules().priceLimitPct());
    }

    @Test
    void cryptoTakesItsUniverseBenchmarkAndCash() {
        SimulationConfig loaded = onlyMarket("CRYPTO");
        assertSame(Market.CRYPTO, loaded.market());
        assertEquals(List.of("BTC", "ETH", "XRP", "SOL", "ADA", "SUI", "LINK", "AVAX", "LTC", "DOT"),
                loaded.symbols());
        assertEquals("BTC", loaded.benchmark());
        assertEquals(0, BigDecimal.valueOf(50_000).compareTo(loaded.agentConfig().initialCash()));
    }

    @Test
    void aFrequencyOtherThanDailyIsAProblemThatSaysWhy() {
        config.put("frequency", "Daily");
        assertSame(Market.US, fixture.load(config).market(), "daily is the default, in any case");
        config.put("frequency", "weekly");
        assertEquals(List.of("frequency 'weekly' is not a frequency (known: daily, hourly)"), fixture.problems(config));
        config.put("frequency", "hourly").put("market", "cn");
        assertEquals(List.of("frequency hourly trading is for the us and crypto markets; cn trades daily"),
                fixture.problems(config));
        config.put("market", "crypto");
        assertEquals(List.of("frequency hourly is not available in this version yet: jobs trade one session a day"
                + " (daily)"), fixture.problems(config), "refused, never run daily in its place");
    }

    @Test
    void anUnknownMarketOrABadLimitIsAProblem() {
        config.put("market", "hk");
        config.putObject("rules").put("price_limit_pct", 0);
        List<String> problems = fixture.problems(config);
        assertTrue(problems.contains("market 'hk' is not a market (known: us, cn, crypto)"), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("rules.price_limit_pct must be more than 0")),
                problems.toString());
    }
}
