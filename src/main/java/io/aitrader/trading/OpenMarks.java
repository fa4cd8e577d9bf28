package io.aitrader.trading;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/**
 * Marks holdings for the trading rules' checks: every symbol at the day's open (a symbol without one at its last
 * known price before the day, else 0), except the symbol being traded, which is marked at this order's fill price.
 * Shorts (negative holdings) count at their negative value.
 */
final class OpenMarks {

    private final MarketPrices prices;
    private final LocalDate date;

    OpenMarks(MarketPrices prices, LocalDate date) {
        this.prices = prices;
        this.date = date;
    }

    BigDecimal price(String symbol) {
        return prices.open(symbol, date).or(() -> prices.lastKnown(symbol, date.minusDays(1))).orElse(BigDecimal.ZERO);
    }

    /** Cash plus every holding, {@code traded} at {@code fill} (null: no symbol is being traded). */
    BigDecimal portfolioValue(BigDecimal cash, Map<String, BigDecimal> holdings, String traded, BigDecimal fill) {
        BigDecimal total = cash;
        for (Map.Entry<String, BigDecimal> holding : holdings.entrySet()) {
            total = total.add(mark(holding.getKey(), traded, fill).multiply(holding.getValue()));
        }
        return total;
    }

    /** The gross value of the shorts, as a positive amount. */
    BigDecimal shortValue(Map<String, BigDecimal> holdings, String traded, BigDecimal fill) {
        BigDecimal total = BigDecimal.ZERO;
        for (Map.Entry<String, BigDecimal> holding : holdings.entrySet()) {
            if (holding.getValue().signum() < 0) {
                total = total.add(mark(holding.getKey(), traded, fill).multiply(holding.getValue().negate()));
            }
        }
        return total;
    }

    private BigDecimal mark(String symbol, String traded, BigDecimal fill) {
        return symbol.equals(traded) ? fill : price(symbol);
    }
}
