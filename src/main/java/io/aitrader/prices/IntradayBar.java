package io.aitrader.prices;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * One symbol's 60-minute bar (contract 13), named by its {@code start} in the market's time (New York for stocks, UTC
 * for coins), as Alpha Vantage stamps it: the bar 10:00 covers 10:00 to 11:00. Stored beside the daily bars.
 */
public record IntradayBar(String symbol, LocalDateTime start, BigDecimal open, BigDecimal high, BigDecimal low,
        BigDecimal close, Long volume, String source) {

    public LocalDate date() {
        return start.toLocalDate();
    }
}
