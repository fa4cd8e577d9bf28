package io.aitrader.jobs.engine;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

import io.aitrader.jobs.store.LedgerRepository;
import io.aitrader.jobs.store.StartState;
import io.aitrader.trading.Portfolio;

/**
 * One model pipeline's memory of the day it committed last, so that the next day starts from it without reading the
 * ledger back. It is trusted only when the ledger's latest day of the model before the next day, read when that day
 * was claimed, is that very day: a day of the model stored meanwhile by another pipeline or job, or a failed day
 * (whose older result, if any, still stands), sends the next day back to the ledger (contract 4.2, continuity).
 */
public final class ModelChain {

    private StartState last;

    /** {@code storedBefore}: the ledger's latest day of the model before {@code date}, as the claim read it. */
    Optional<StartState> startFor(LocalDate date, LocalDate storedBefore) {
        if (last == null || !last.previousDate().isBefore(date) || !last.previousDate().equals(storedBefore)) {
            return Optional.empty();
        }
        return Optional.of(last);
    }

    /** The day committed: its end is the next day's start, exactly as the ledger would give it back. */
    void committed(LocalDate date, Portfolio end, BigDecimal endingValue) {
        Portfolio stored = new Portfolio(LedgerRepository.money(end.cash().doubleValue()), end.holdings());
        last = new StartState(date, stored, LedgerRepository.money(endingValue.doubleValue()));
    }

    void broken() {
        last = null;
    }
}
