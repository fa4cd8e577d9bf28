package io.aitrader.prices;

/** What writing a batch of prices did: new rows, rows overwritten by the newer values, identical rows left alone. */
public record StoreCounts(int inserted, int replaced, int unchanged) {

    /** Both writes' counts together (a file's daily and 60-minute bars). */
    StoreCounts plus(StoreCounts other) {
        return new StoreCounts(inserted + other.inserted, replaced + other.replaced, unchanged + other.unchanged);
    }
}
