package io.aitrader.jobs.store;

import java.math.BigDecimal;
import java.time.LocalDate;

import io.aitrader.trading.Portfolio;

/** Where a model-day starts: the end of the model's latest completed day before it (or the initial cash). */
public record StartState(LocalDate previousDate, Portfolio portfolio, BigDecimal previousValue) {
}
