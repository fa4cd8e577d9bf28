package io.aitrader.trading;

import java.math.BigDecimal;
import java.util.List;

/**
 * What a day's trades cost and moved (contract 10): the sums of their commissions and slippage, and the traded value
 * (the sum of their notionals, buys, sells and covers alike) that turnover is computed from.
 */
public record TradingCosts(BigDecimal commission, BigDecimal slippage, BigDecimal tradedValue) {

    public static TradingCosts of(List<Trade> trades) {
        BigDecimal commission = BigDecimal.ZERO;
        BigDecimal slippage = BigDecimal.ZERO;
        BigDecimal traded = BigDecimal.ZERO;
        for (Trade trade : trades) {
            commission = commission.add(trade.commission());
            slippage = slippage.add(trade.slippage());
            traded = traded.add(trade.total());
        }
        return new TradingCosts(commission, slippage, traded);
    }
}
