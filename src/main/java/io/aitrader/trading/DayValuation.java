package io.aitrader.trading;

import java.math.BigDecimal;
import java.util.List;

/**
 * One finished model-day's valuation. The values are exact; {@link #reported()} gives the same figures rounded for
 * output (money to 2 decimals, return % to 4, HALF_UP). {@code returnPct} is null when the previous value was zero.
 */
public record DayValuation(BigDecimal startingValue, BigDecimal endingValue, BigDecimal profit, BigDecimal returnPct,
        List<String> warnings) {

    public DayValuation {
        warnings = List.copyOf(warnings);
    }

    public DayValuation reported() {
        return new DayValuation(Money.report(startingValue), Money.report(endingValue), Money.report(profit),
                Money.reportPercent(returnPct), warnings);
    }
}
