package io.aitrader.jobs;

import java.time.LocalDate;
import java.util.Collection;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.TreeSet;

import io.aitrader.trading.Portfolio;

/**
 * One model pipeline's memory of the day it committed last, so that the next day of the job starts from it without
 * reading the ledger back. It is trusted only when nothing else stands between the two days: a day of the model
 * stored by an earlier job in between, or a failed day (whose older result, if any, still stands), sends the next
 * day back to the ledger (contract 4.2, continuity).
 */
final class ModelChain {

    private final NavigableSet<LocalDate> stored;
    private StartState last;

    /** {@code stored}: the model's days already in the ledger within the job's dates. */
    ModelChain(Collection<LocalDate> stored) {
        this.stored = new TreeSet<>(stored);
    }

    Optional<StartState> startFor(LocalDate date) {
        if (last == null) {
            return Optional.empty();
        }
        LocalDate next = stored.higher(last.previousDate());
        return next != null && next.isBefore(date) ? Optional.empty() : Optional.of(last);
    }

    /** The day committed: its end is the next day's start, exactly as the ledger would give it back. */
    void committed(LocalDate date, Portfolio end, java.math.BigDecimal endingValue) {
        Portfolio stored = new Portfolio(LedgerRepository.money(end.cash().doubleValue()), end.holdings());
        last = new StartState(date, stored, LedgerRepository.money(endingValue.doubleValue()));
        this.stored.add(date);
    }

    void broken() {
        last = null;
    }
}
