package io.aitrader.trading;

import java.math.BigDecimal;
import java.math.RoundingMode;

import io.aitrader.trading.rules.TradingRules;

/**
 * Commission per order (contract 10): max(commission_min, notional × commission_bps/10^4 + shares ×
 * commission_per_share), the minimum applying only when some rate is set; rounded to 4 decimals HALF_UP, the stored
 * money scale. Zero, exactly, when no rate is set.
 */
final class Commission {

    private static final BigDecimal BPS = BigDecimal.valueOf(10_000);

    private Commission() {
    }

    static BigDecimal of(BigDecimal notional, BigDecimal shares, TradingRules rules) {
        if (!rules.chargesCommission()) {
            return BigDecimal.ZERO;
        }
        BigDecimal rate = notional.multiply(rules.commissionBps()).divide(BPS)
                .add(rules.commissionPerShare().multiply(shares));
        return rate.max(rules.commissionMin()).setScale(Fills.SCALE, RoundingMode.HALF_UP);
    }
}
