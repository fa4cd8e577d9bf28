package io.aitrader.trading;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** In-memory state of one model-day: cash, holdings and fills, checked against the running state. (API skeleton.) */
public final class DayLedger {

    public DayLedger(LocalDate date, Portfolio start, MarketPrices prices, Set<String> tradeable) {
        throw new UnsupportedOperationException("implemented in the trading issue");
    }

    public LocalDate date() {
        throw new UnsupportedOperationException();
    }

    public Portfolio start() {
        throw new UnsupportedOperationException();
    }

    public Portfolio current() {
        throw new UnsupportedOperationException();
    }

    public OrderResult buy(String symbol, long amount) {
        throw new UnsupportedOperationException();
    }

    public OrderResult sell(String symbol, long amount) {
        throw new UnsupportedOperationException();
    }

    public List<Trade> trades() {
        throw new UnsupportedOperationException();
    }
}
