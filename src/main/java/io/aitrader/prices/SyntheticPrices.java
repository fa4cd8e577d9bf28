package io.aitrader.prices;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Deterministic synthetic daily prices so the service runs offline: a geometric random walk per symbol, seeded from
 * the symbol's name (the same symbol always gets the same series), with a daily volatility of 1–3%.
 */
@ApplicationScoped
public class SyntheticPrices {

    /** The period covered at startup: the whole of 2025, the period of the shipped example config. */
    public static final LocalDate FIRST_DAY = LocalDate.of(2025, 1, 1);
    public static final LocalDate LAST_DAY = LocalDate.of(2025, 12, 31);

    private static final BigDecimal CENT = new BigDecimal("0.01");

    /**
     * Where synthetic coin prices start (contract 12's crypto10, at their early-2025 order of magnitude, from memory,
     * not from data): a 50,000 USD portfolio then buys fractions of a bitcoin, as it would, instead of a hundred coins
     * of a made-up $500 one.
     */
    public static final Map<String, BigDecimal> COIN_LEVELS = Map.of("BTC", new BigDecimal("94000"), "ETH",
            new BigDecimal("3300"), "XRP", new BigDecimal("2.40"), "SOL", new BigDecimal("190"), "ADA",
            new BigDecimal("0.90"), "SUI", new BigDecimal("4.00"), "LINK", new BigDecimal("20"), "AVAX",
            new BigDecimal("35"), "LTC", new BigDecimal("105"), "DOT", new BigDecimal("6.50"));

    private final TradingCalendar calendar;

    @Inject
    public SyntheticPrices(TradingCalendar calendar) {
        this.calendar = calendar;
    }

    /** Bars for every trading day from {@link #FIRST_DAY} to {@link #LAST_DAY}. */
    public List<PriceBar> generate(Collection<String> symbols) {
        return generate(symbols, calendar.tradingDays(FIRST_DAY, LAST_DAY));
    }

    public List<PriceBar> generate(Collection<String> symbols, List<LocalDate> days) {
        return generate(symbols, days, Map.of());
    }

    /** As {@link #generate(Collection, List)}, each symbol of {@code levels} starting at its level. */
    public List<PriceBar> generate(Collection<String> symbols, List<LocalDate> days, Map<String, BigDecimal> levels) {
        List<PriceBar> bars = new ArrayList<>(symbols.size() * days.size());
        for (String symbol : symbols) {
            bars.addAll(series(symbol, days, levels.get(symbol)));
        }
        return bars;
    }

    /**
     * Bars for the trading days after {@code real}'s last date up to {@link #LAST_DAY}, each symbol's series starting
     * from its last real price (its last close, or the open of a day still in progress), so levels stay plausible.
     */
    public List<PriceBar> continuing(List<PriceBar> real) {
        Map<String, PriceBar> last = new TreeMap<>();
        for (PriceBar bar : real) {
            last.merge(bar.symbol(), bar, (a, b) -> a.date().isAfter(b.date()) ? a : b);
        }
        LocalDate lastReal = last.values().stream().map(PriceBar::date).max(LocalDate::compareTo).orElse(LAST_DAY);
        List<LocalDate> days = calendar.tradingDays(lastReal.plusDays(1), LAST_DAY);
        List<PriceBar> bars = new ArrayList<>();
        if (days.isEmpty()) {
            return bars;
        }
        last.forEach((symbol, bar) -> bars.addAll(series(symbol, days, bar.hasClose() ? bar.close() : bar.open())));
        return bars;
    }

    /** One symbol's bars on {@code days} (trading days, in order). */
    public List<PriceBar> series(String symbol, List<LocalDate> days) {
        return series(symbol, days, null);
    }

    /** As {@link #series(String, List)}, from {@code start} instead of the seed's price level when it is given. */
    List<PriceBar> series(String symbol, List<LocalDate> days, BigDecimal start) {
        SplittableRandom random = new SplittableRandom(seed(symbol));
        double seeded = Math.exp(Math.log(20) + random.nextDouble() * Math.log(600.0 / 20));
        double price = start == null ? seeded : start.doubleValue();
        double volatility = 0.01 + 0.02 * random.nextDouble();
        double drift = (-0.10 + 0.40 * random.nextDouble()) / 252;
        double baseVolume = Math.exp(Math.log(1e6) + random.nextDouble() * Math.log(80));
        List<PriceBar> bars = new ArrayList<>(days.size());
        for (LocalDate day : days) {
            double open = price * Math.exp(0.3 * volatility * gaussian(random));
            double close = open * Math.exp(drift - volatility * volatility / 2 + volatility * gaussian(random));
            double high = Math.max(open, close) * (1 + 0.4 * volatility * Math.abs(gaussian(random)));
            double low = Math.min(open, close) * (1 - 0.4 * volatility * Math.min(Math.abs(gaussian(random)), 4));
            long volume = Math.round(baseVolume * Math.exp(0.3 * gaussian(random)));
            BigDecimal o = cents(open, RoundingMode.HALF_UP);
            BigDecimal c = cents(close, RoundingMode.HALF_UP);
            BigDecimal h = cents(high, RoundingMode.CEILING).max(o.max(c));
            BigDecimal l = cents(low, RoundingMode.FLOOR).min(o.min(c)).max(CENT);
            bars.add(new PriceBar(symbol, day, o, h, l, c, volume, PriceBar.SOURCE_SYNTHETIC));
            price = close;
        }
        return bars;
    }

    /** FNV-1a over the symbol's bytes: stable across JVMs and versions, unlike String.hashCode's small range. */
    static long seed(String symbol) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : symbol.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        return hash;
    }

    /** Box–Muller from the seeded generator, so the numbers do not depend on a JDK's Gaussian implementation. */
    private static double gaussian(SplittableRandom random) {
        double u1 = 1.0 - random.nextDouble();
        double u2 = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

    private static BigDecimal cents(double value, RoundingMode mode) {
        return BigDecimal.valueOf(value).setScale(2, mode);
    }
}
