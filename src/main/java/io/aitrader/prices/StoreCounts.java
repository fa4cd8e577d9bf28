package io.aitrader.prices;

/** What writing a batch of prices did: new rows, rows overwritten by the newer values, identical rows left alone. */
public record StoreCounts(int inserted, int replaced, int unchanged) {
}
