package io.aitrader.prices;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * 60-minute bars made up from a finished daily bar when none are stored (contract 13's synthetic fallback), one per
 * session and the same for the same day every time. They agree with the day: the first bar opens at the day's open,
 * the last closes at its close, the highest high is the day's high and the lowest low its low; in between the price
 * walks a seeded bridge from the open to the close inside the day's range. The day's volume is split evenly.
 */
public final class SyntheticIntraday {

    private SyntheticIntraday() {
    }

    /** The bars of {@code day} at {@code sessions} (the day's, in order); empty when the day is not finished. */
    public static List<IntradayBar> of(PriceBar day, List<LocalDateTime> sessions) {
        int n = sessions.size();
        if (n == 0 || day.high() == null || day.low() == null || day.close() == null) {
            return List.of();
        }
        int scale = Math.max(Math.max(4, day.open().scale()), Math.max(Math.max(day.high().scale(), day.low().scale()),
                day.close().scale()));
        BigDecimal[] path = path(day, n, scale);
        int highest = 0;
        int lowest = 0;
        for (int i = 1; i < n; i++) {
            highest = path[i].max(path[i + 1]).compareTo(path[highest].max(path[highest + 1])) > 0 ? i : highest;
            lowest = path[i].min(path[i + 1]).compareTo(path[lowest].min(path[lowest + 1])) < 0 ? i : lowest;
        }
        List<IntradayBar> bars = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            BigDecimal open = path[i];
            BigDecimal close = path[i + 1];
            BigDecimal high = i == highest ? day.high() : open.max(close);
            BigDecimal low = i == lowest ? day.low() : open.min(close);
            bars.add(new IntradayBar(day.symbol(), sessions.get(i), open, high, low, close, volume(day, i, n),
                    PriceBar.SOURCE_SYNTHETIC));
        }
        return List.copyOf(bars);
    }

    /**
     * A symbol's bars for one day's {@code sessions}: the stored ones when it has any that day (a session without one
     * has no price, as a day without a bar has none), else, when the daily bar is finished, the synthetic ones.
     */
    public static List<IntradayBar> orStored(List<IntradayBar> stored, PriceBar day, List<LocalDateTime> sessions) {
        List<IntradayBar> own = stored.stream().filter(bar -> bar.symbol().equals(day.symbol())
                && bar.date().equals(day.date()) && sessions.contains(bar.start())).toList();
        return own.isEmpty() ? of(day, sessions) : own;
    }

    /** n + 1 prices: the open, n − 1 seeded points inside [low, high], the close. */
    private static BigDecimal[] path(PriceBar day, int n, int scale) {
        SplittableRandom random = new SplittableRandom(
                ((long) day.symbol().hashCode() << 32) ^ day.date().toEpochDay());
        double open = day.open().doubleValue();
        double close = day.close().doubleValue();
        double low = day.low().doubleValue();
        double high = day.high().doubleValue();
        double step = (high - low) / Math.sqrt(n) / 2;
        BigDecimal[] path = new BigDecimal[n + 1];
        path[0] = day.open();
        path[n] = day.close();
        double walk = 0;
        for (int i = 1; i < n; i++) {
            walk += step * (random.nextDouble() * 2 - 1);
            double bridge = open + (close - open) * i / n + walk * (n - i) / n;
            double inside = Math.min(high, Math.max(low, bridge));
            path[i] = BigDecimal.valueOf(inside).setScale(scale, RoundingMode.HALF_UP);
        }
        return path;
    }

    private static Long volume(PriceBar day, int index, int n) {
        if (day.volume() == null) {
            return null;
        }
        long share = day.volume() / n;
        return index == n - 1 ? day.volume() - share * (n - 1) : share;
    }
}
