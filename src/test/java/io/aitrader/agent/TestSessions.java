package io.aitrader.agent;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import io.aitrader.config.AgentSettings;
import io.aitrader.config.ModelSpec;
import io.aitrader.trading.DayLedger;
import io.aitrader.trading.MarketPrices;
import io.aitrader.trading.Portfolio;
import io.aitrader.trading.PriceTable;

/** Sessions over a small in-memory market for agent tests. */
public final class TestSessions {

    public static final LocalDate YESTERDAY = LocalDate.parse("2025-09-30");
    public static final LocalDate TODAY = LocalDate.parse("2025-10-01");
    public static final LocalDate TOMORROW = LocalDate.parse("2025-10-02");
    public static final List<String> UNIVERSE = List.of("AAPL", "NVDA", "MSFT");
    public static final String BENCHMARK = "QQQ";

    /** Three days of prices; today's close is in the table but must never be shown to the model. */
    public static final PriceTable PRICES = PriceTable.builder()
            .add("AAPL", YESTERDAY, new BigDecimal("250.00"), new BigDecimal("254.63"))
            .add("AAPL", TODAY, new BigDecimal("255.88"), new BigDecimal("257.11"))
            .add("AAPL", TOMORROW, new BigDecimal("260.00"), new BigDecimal("261.00"))
            .add("NVDA", YESTERDAY, new BigDecimal("180.00"), new BigDecimal("181.50"))
            .add("NVDA", TODAY, new BigDecimal("181.02"), new BigDecimal("183.33"))
            .add("NVDA", TOMORROW, new BigDecimal("185.00"), new BigDecimal("186.00"))
            .add("MSFT", YESTERDAY, new BigDecimal("500.00"), new BigDecimal("505.00"))
            .add("MSFT", TODAY, new BigDecimal("506.00"), new BigDecimal("510.00"))
            .add("QQQ", YESTERDAY, new BigDecimal("590.00"), new BigDecimal("595.00"))
            .add("QQQ", TODAY, new BigDecimal("596.00"), new BigDecimal("600.00"))
            .build();

    private TestSessions() {
    }

    public static AgentSettings settings(int maxSteps) {
        return new AgentSettings(maxSteps, 3, 1.0, new BigDecimal("10000"), 60, 600);
    }

    public static ModelSpec spec(String signature, Map<String, Object> options) {
        return new ModelSpec("Test " + signature, signature, ModelSpec.MOCK, null, true, null, null, options);
    }

    public static TradingSession today(int maxSteps) {
        return session(spec("test-model", Map.of()), maxSteps, TODAY, YESTERDAY, Portfolio.cashOnly(
                new BigDecimal("10000")), PRICES, UNIVERSE, new AtomicBoolean());
    }

    public static TradingSession session(ModelSpec spec, int maxSteps, LocalDate date, LocalDate previous,
            Portfolio start, MarketPrices prices, List<String> universe, AtomicBoolean cancelled) {
        DayLedger ledger = new DayLedger(date, start, prices, new HashSet<>(universe));
        return new TradingSession("job-1", spec, settings(maxSteps), date, previous, ledger, prices, universe,
                BENCHMARK, cancelled::get);
    }

    /** {@code count} weekdays from {@code first} on, with deterministic prices for every symbol. */
    public static List<LocalDate> weekdays(LocalDate first, int count) {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate day = first; days.size() < count; day = day.plusDays(1)) {
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                days.add(day);
            }
        }
        return days;
    }

    public static PriceTable market(List<String> symbols, List<LocalDate> days) {
        PriceTable.Builder builder = PriceTable.builder();
        for (int s = 0; s < symbols.size(); s++) {
            for (int d = 0; d < days.size(); d++) {
                BigDecimal open = BigDecimal.valueOf(100 + 37 * s + 3 * d + (d % 3));
                builder.add(symbols.get(s), days.get(d), open, open.add(new BigDecimal("1.25")));
            }
        }
        return builder.build();
    }
}
