package io.aitrader.prices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.aitrader.market.Market;

/** Synthetic 60-minute bars agree with their day (contract 13): open, close, high, low and volume, every time. */
class SyntheticIntradayTest {

    private static PriceBar day(String symbol, LocalDate date, String open, String high, String low, String close,
            Long volume) {
        return new PriceBar(symbol, date, new BigDecimal(open), new BigDecimal(high), new BigDecimal(low),
                new BigDecimal(close), volume, PriceBar.SOURCE_SAMPLE);
    }

    @Test
    void theBarsOfADayAgreeWithItsOpenHighLowCloseAndVolume() {
        LocalDate start = LocalDate.of(2025, 3, 3);
        for (int d = 0; d < 60; d++) {
            LocalDate date = start.plusDays(d);
            if (Market.US.sessions(date).isEmpty()) {
                continue;
            }
            double open = 100 + d;
            PriceBar day = day("AAPL", date, "%.4f".formatted(open), "%.4f".formatted(open + 3 + d % 5),
                    "%.4f".formatted(open - 2 - d % 3), "%.4f".formatted(open + (d % 2 == 0 ? 1.5 : -1.25)),
                    1_000_003L + d);
            List<IntradayBar> bars = SyntheticIntraday.of(day, Market.US.sessions(date));
            assertEquals(Market.US.sessions(date), bars.stream().map(IntradayBar::start).toList());
            assertEquals(0, day.open().compareTo(bars.get(0).open()), date + " open");
            assertEquals(0, day.close().compareTo(bars.get(bars.size() - 1).close()), date + " close");
            assertEquals(0, day.high().compareTo(bars.stream().map(IntradayBar::high)
                    .max(Comparator.naturalOrder()).orElseThrow()), date + " high");
            assertEquals(0, day.low().compareTo(bars.stream().map(IntradayBar::low)
                    .min(Comparator.naturalOrder()).orElseThrow()), date + " low");
            assertEquals(day.volume(), bars.stream().mapToLong(IntradayBar::volume).sum(), date + " volume");
            for (int i = 0; i < bars.size(); i++) {
                IntradayBar bar = bars.get(i);
                assertTrue(bar.low().compareTo(bar.open().min(bar.close())) <= 0
                        && bar.high().compareTo(bar.open().max(bar.close())) >= 0, bar.toString());
                if (i > 0) {
                    assertEquals(bars.get(i - 1).close(), bar.open(), "each bar opens where the last closed");
                }
            }
            assertEquals(bars, SyntheticIntraday.of(day, Market.US.sessions(date)), "the same bars every time");
        }
    }

    @Test
    void aCoinDayHas24BarsAndAnUnfinishedDayNone() {
        LocalDate sunday = LocalDate.of(2025, 6, 8);
        PriceBar coin = day("BTC", sunday, "104950.12500000", "106500.00000000", "104100.50000000",
                "106000.00000000", 12_345L);
        List<IntradayBar> bars = SyntheticIntraday.of(coin, Market.CRYPTO.sessions(sunday));
        assertEquals(24, bars.size());
        assertEquals(new BigDecimal("104950.12500000"), bars.get(0).open());
        assertEquals(8, bars.get(5).open().scale(), "a coin's 8 decimals are kept");
        PriceBar inProgress = new PriceBar("BTC", sunday, new BigDecimal("104950.125"), null, null, null, null,
                PriceBar.SOURCE_FILE);
        assertEquals(List.of(), SyntheticIntraday.of(inProgress, Market.CRYPTO.sessions(sunday)));
        List<IntradayBar> one = SyntheticIntraday.of(coin, Market.CRYPTO.sessions(sunday).subList(0, 1));
        assertEquals(List.of(new IntradayBar("BTC", sunday.atStartOfDay(), coin.open(), coin.high(), coin.low(),
                coin.close(), 12_345L, PriceBar.SOURCE_SYNTHETIC)), one);
    }
}
