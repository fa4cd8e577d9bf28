package io.aitrader.trading;

import java.math.BigDecimal;
import java.util.List;

/**
 * The start-of-day step for shorts (contract 10): the portfolio after the borrow fee and any margin call, the fee
 * taken from cash, the {@code cover} trades of a margin call (seq from 1) and warnings (a short that could not be
 * bought back for want of an open price).
 */
public record DayOpening(Portfolio portfolio, BigDecimal borrowFee, List<Trade> covers, List<String> warnings) {

    public DayOpening {
        covers = List.copyOf(covers);
        warnings = List.copyOf(warnings);
    }

    public boolean marginCalled() {
        return !covers.isEmpty();
    }
}
