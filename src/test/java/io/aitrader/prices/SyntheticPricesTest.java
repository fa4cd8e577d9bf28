package io.aitrader.prices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

class SyntheticPricesTest {

    private final SyntheticPrices generator = new SyntheticPrices(new TradingCalendar());

    @Test
    void sameSymbolGivesTheSameNumbers() {
        List<PriceBar> first = new SyntheticPrices(new TradingCalendar()).generate(List.of("AAPL", "QQQ"));
        List<PriceBar> second = generator.generate(List.of("AAPL", "QQQ"));
        assertEquals(first, second);
        assertNotEquals(generator.generate(List.of("MSFT")).get(0).open(), first.get(0).open(),
                "different symbols get different series");
    }

    @Test
    void coversEveryTradingDayOf2025() {
        List<PriceBar> bars = generator.generate(List.of("NVDA"));
        assertEquals(250, bars.size());
        Set<LocalDate> days = bars.stream().map(PriceBar::date).collect(Collectors.toSet());
        assertEquals(Set.copyOf(new TradingCalendar().tradingDays(LocalDate.of(2025, 1, 1),
                LocalDate.of(2025, 12, 31))), days);
        assertTrue(bars.stream().allMatch(b -> PriceBar.SOURCE_SYNTHETIC.equals(b.source())));
    }

    @Test
    void barsAreConsistentAndMovesRealistic() {
        List<PriceBar> bars = generator.generate(List.of("AAPL", "MSFT", "TSLA", "QQQ", "ZS"));
        double sumAbsMoves = 0;
        int moves = 0;
        for (int i = 0; i < bars.size(); i++) {
            PriceBar bar = bars.get(i);
            assertTrue(bar.high().compareTo(bar.open().max(bar.close())) >= 0, "high >= open, close: " + bar);
            assertTrue(bar.low().compareTo(bar.open().min(bar.close())) <= 0, "low <= open, close: " + bar);
            assertTrue(bar.low().signum() > 0 && bar.volume() > 0, bar.toString());
            if (i > 0 && bars.get(i - 1).symbol().equals(bar.symbol())) {
                BigDecimal previousClose = bars.get(i - 1).close();
                double gap = Math.abs(bar.open().doubleValue() / previousClose.doubleValue() - 1);
                assertTrue(gap < 0.1, "open near the previous close: " + bar);
                sumAbsMoves += Math.abs(bar.close().doubleValue() / previousClose.doubleValue() - 1);
                moves++;
            }
        }
        double meanMove = sumAbsMoves / moves;
        assertTrue(meanMove > 0.005 && meanMove < 0.04, "mean daily move " + meanMove);
    }

    @Test
    void fullUniverseIsFast() {
        List<String> symbols = IntStream.range(0, 102).mapToObj(i -> "S" + i).toList();
        long start = System.nanoTime();
        List<PriceBar> bars = generator.generate(symbols);
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertEquals(102 * 250, bars.size());
        Logger.getLogger(getClass()).infof("Generated %d synthetic bars in %d ms", bars.size(),
                ms);
    }
}
