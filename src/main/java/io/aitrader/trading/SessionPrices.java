package io.aitrader.trading;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.aitrader.prices.IntradayBar;
import io.aitrader.prices.PriceBar;

/**
 * The prices of one hourly session (contract 13), for the ledger and the valuer, which ask for "the day's" open and
 * close: on the session's date they are its own 60-minute bar's open (every order's fill) and close (the session's
 * valuation at its end, as a daily table holds the day's close for the day's valuation: never shown to the model), and the last known price is the latest close of the day's bars up to the session. Earlier dates answer
 * from the daily prices, in full; the session's date never does, so the day's own close, high and low stay unseen.
 * Later dates know nothing. {@link #earlier} is what the model may see of today: the bars before its session.
 */
public final class SessionPrices implements MarketPrices {

    private final MarketPrices daily;
    private final LocalDateTime session;
    private final LocalDate today;
    private final Map<String, List<IntradayBar>> upToSession = new HashMap<>();

    /** {@code bars}: the session date's 60-minute bars, of any symbols, in any order; later ones are left out. */
    public SessionPrices(MarketPrices daily, LocalDateTime session, Collection<IntradayBar> bars) {
        this.daily = daily;
        this.session = session;
        this.today = session.toLocalDate();
        bars.stream().filter(bar -> bar.date().equals(today) && !bar.start().isAfter(session))
                .sorted(Comparator.comparing(IntradayBar::start))
                .forEach(bar -> upToSession.computeIfAbsent(Symbols.normalise(bar.symbol()), s -> new ArrayList<>())
                        .add(bar));
    }

    public LocalDateTime session() {
        return session;
    }

    @Override
    public Optional<BigDecimal> open(String symbol, LocalDate date) {
        if (date.equals(today)) {
            return own(symbol).map(IntradayBar::open);
        }
        return date.isBefore(today) ? daily.open(symbol, date) : Optional.empty();
    }

    @Override
    public Optional<BigDecimal> close(String symbol, LocalDate date) {
        if (date.equals(today)) {
            return own(symbol).map(IntradayBar::close);
        }
        return date.isBefore(today) ? daily.close(symbol, date) : Optional.empty();
    }

    @Override
    public Optional<BigDecimal> lastKnown(String symbol, LocalDate date) {
        if (date.isBefore(today)) {
            return daily.lastKnown(symbol, date);
        }
        List<IntradayBar> bars = upToSession.getOrDefault(Symbols.normalise(symbol), List.of());
        for (int i = bars.size() - 1; i >= 0; i--) {
            IntradayBar bar = bars.get(i);
            if (bar.close() != null) {
                return Optional.of(bar.close());
            }
            if (bar.start().equals(session)) {
                return Optional.of(bar.open());
            }
        }
        return daily.lastKnown(symbol, today.minusDays(1));
    }

    /** Today: only the session's open, as a day in progress shows; earlier days in full. */
    @Override
    public Optional<PriceBar> bar(String symbol, LocalDate date) {
        if (date.equals(today)) {
            return own(symbol).map(bar -> new PriceBar(bar.symbol(), today, bar.open(), null, null, null, null,
                    bar.source()));
        }
        return date.isBefore(today) ? daily.bar(symbol, date) : Optional.empty();
    }

    /** The symbol's bars of today before the session, in full and in time order: what the model may see. */
    public List<IntradayBar> earlier(String symbol) {
        return upToSession.getOrDefault(Symbols.normalise(symbol), List.of()).stream()
                .filter(bar -> bar.start().isBefore(session)).toList();
    }

    private Optional<IntradayBar> own(String symbol) {
        List<IntradayBar> bars = upToSession.getOrDefault(Symbols.normalise(symbol), List.of());
        return bars.isEmpty() || !bars.get(bars.size() - 1).start().equals(session)
                ? Optional.empty()
                : Optional.of(bars.get(bars.size() - 1));
    }
}
