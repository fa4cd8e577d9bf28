package io.aitrader.trading;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

/** Cash and non-zero share holdings at one moment; immutable. */
public record Portfolio(BigDecimal cash, Map<String, Long> holdings) {

    public Portfolio {
        TreeMap<String, Long> nonZero = new TreeMap<>();
        holdings.forEach((symbol, shares) -> {
            if (shares != 0) {
                nonZero.put(symbol, shares);
            }
        });
        holdings = java.util.Collections.unmodifiableMap(nonZero);
    }

    public static Portfolio cashOnly(BigDecimal cash) {
        return new Portfolio(cash, Map.of());
    }

    public long shares(String symbol) {
        return holdings.getOrDefault(symbol, 0L);
    }
}
