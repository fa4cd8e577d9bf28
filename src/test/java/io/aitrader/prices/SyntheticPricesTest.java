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
    void continuesEachSymbolFromItsLastRealPriceAfterTheLastRealDay() {
        List<PriceBar> real = List.of(
                new PriceBar("AAA", LocalDate.of(2025, 12, 24), new BigDecimal("90"), null, null,
                        new BigDecimal("100.00"), 10L, PriceBar.SOURCE_FILE),
                new PriceBar("AAA", LocalDate.of(2025, 12, 23), new BigDecimal("5"), null, null, new BigDecimal("5"),
                        10L, PriceBar.SOURCE_FILE),
                new PriceBar("BBB", LocalDate.of(2025, 12, 26), new BigDecimal("40.00"), null, null, null, null,
                        PriceBar.SOURCE_FILE));

        List<PriceBar> next = generator.continuing(real);

        // after the last real day (Friday 12-26): Monday 12-29 to Wednesday 12-31, for both symbols
        assertEquals(List.of("AAA", "AAA", "AAA", "BBB", "BBB", "BBB"), next.stream().map(PriceBar::symbol).toList());
        assertEquals(List.of(LocalDate.of(2025, 12, 29), LocalDate.of(2025, 12, 30), LocalDate.of(2025, 12, 31)),
                next.subList(0, 3).stream().map(PriceBar::date).toList());
        assertTrue(Math.abs(next.get(0).open().doubleValue() / 100 - 1) < 0.1, "from AAA's last close: " + next);
        assertTrue(Math.abs(next.get(3).open().doubleValue() / 40 - 1) < 0.1, "from BBB's open-only day: " + next);
        assertTrue(next.stream().allMatch(b -> PriceBar.SOURCE_SYNTHETIC.equals(b.source())));
        assertEquals(List.of(), generator.continuing(List.of(new PriceBar("AAA", LocalDate.of(2025, 12, 31),
                BigDecimal.ONE, null, null, BigDecimal.ONE, 1L, PriceBar.SOURCE_FILE))), "nothing past 2025");
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

    @Test
    void syntheticCoinsStartAtTheirLevelsSoAPortfolioBuysFractionsOfABitcoin() {
        List<LocalDate> days = io.aitrader.market.Market.CRYPTO.calendar().tradingDays(LocalDate.of(2025, 1, 1),
                LocalDate.of(2025, 1, 31));
        List<PriceBar> bars = generator.generate(List.of("BTC", "ADA", "NEWCOIN"), days, SyntheticPrices.COIN_LEVELS);
        assertEquals(3 * 31, bars.size(), "every calendar day");
        double btc = bars.stream().filter(b -> b.symbol().equals("BTC")).findFirst().orElseThrow().open()
                .doubleValue();
        assertTrue(btc > 80_000 && btc < 110_000, "BTC opens near 94,000: " + btc);
        assertTrue(50_000 / btc < 1, "50,000 USD buys a fraction of a bitcoin");
        double ada = bars.stream().filter(b -> b.symbol().equals("ADA")).findFirst().orElseThrow().open()
                .doubleValue();
        assertTrue(ada > 0.5 && ada < 1.5, "ADA near 0.90: " + ada);
        assertEquals(generator.generate(List.of("NEWCOIN"), days), bars.subList(62, 93),
                "a coin without a level starts where any symbol's seed puts it");
    }
}
