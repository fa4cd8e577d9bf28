package io.aitrader.trading;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import io.aitrader.prices.PriceBar;

/**
 * Immutable in-memory {@link MarketPrices}: one date-sorted map per symbol, so every lookup is O(log n). Safe to share
 * between threads once built; used as the engine's price snapshot and in tests.
 */
public final class PriceTable implements MarketPrices {

    /** One day's open (always present) and close (absent while the day is in progress). */
    public record Day(BigDecimal open, BigDecimal close) {

        public Day {
            Objects.requireNonNull(open, "open");
        }

        /** The day's latest price: its close, else its open. */
        public BigDecimal latest() {
            return close != null ? close : open;
        }
    }

    private final Map<String, NavigableMap<LocalDate, Day>> bySymbol;

    private PriceTable(Map<String, NavigableMap<LocalDate, Day>> bySymbol) {
        this.bySymbol = bySymbol;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static PriceTable of(Collection<PriceBar> bars) {
        Builder builder = builder();
        bars.forEach(builder::add);
        return builder.build();
    }

    @Override
    public Optional<BigDecimal> open(String symbol, LocalDate date) {
        return day(symbol, date).map(Day::open);
    }

    @Override
    public Optional<BigDecimal> close(String symbol, LocalDate date) {
        return day(symbol, date).map(Day::close);
    }

    @Override
    public Optional<BigDecimal> lastKnown(String symbol, LocalDate date) {
        NavigableMap<LocalDate, Day> days = bySymbol.get(Symbols.normalise(symbol));
        Map.Entry<LocalDate, Day> entry = days == null ? null : days.floorEntry(date);
        return entry == null ? Optional.empty() : Optional.of(entry.getValue().latest());
    }

    public Optional<Day> day(String symbol, LocalDate date) {
        NavigableMap<LocalDate, Day> days = bySymbol.get(Symbols.normalise(symbol));
        return days == null ? Optional.empty() : Optional.ofNullable(days.get(date));
    }

    public Set<String> symbols() {
        return bySymbol.keySet();
    }

    /** Rows added later replace earlier rows for the same symbol and date. */
    public static final class Builder {

        private final Map<String, TreeMap<LocalDate, Day>> rows = new HashMap<>();

        public Builder add(String symbol, LocalDate date, BigDecimal open, BigDecimal close) {
            Objects.requireNonNull(date, "date");
            rows.computeIfAbsent(Symbols.normalise(symbol), s -> new TreeMap<>()).put(date, new Day(open, close));
            return this;
        }

        public Builder add(PriceBar bar) {
            return add(bar.symbol(), bar.date(), bar.open(), bar.close());
        }

        public PriceTable build() {
            Map<String, NavigableMap<LocalDate, Day>> copy = new HashMap<>();
            rows.forEach((symbol, days) -> copy.put(symbol, Collections.unmodifiableNavigableMap(new TreeMap<>(days))));
            return new PriceTable(Collections.unmodifiableMap(copy));
        }
    }

}
