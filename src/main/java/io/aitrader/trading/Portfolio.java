package io.aitrader.trading;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/** Cash and non-zero holdings at one moment, each quantity {@link Quantity#normal normalised}; immutable. */
public record Portfolio(BigDecimal cash, Map<String, BigDecimal> holdings) {

    public Portfolio {
        TreeMap<String, BigDecimal> nonZero = new TreeMap<>();
        holdings.forEach((symbol, quantity) -> {
            if (quantity.signum() != 0) {
                nonZero.put(symbol, Quantity.normal(quantity));
            }
        });
        holdings = Collections.unmodifiableMap(nonZero);
    }

    public static Portfolio cashOnly(BigDecimal cash) {
        return new Portfolio(cash, Map.of());
    }

    public BigDecimal shares(String symbol) {
        return holdings.getOrDefault(symbol, BigDecimal.ZERO);
    }
}
