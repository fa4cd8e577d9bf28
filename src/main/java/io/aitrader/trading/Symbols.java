package io.aitrader.trading;

import java.util.Locale;

/** Ticker symbols are compared upper-cased and trimmed everywhere in the trading rules. */
public final class Symbols {

    private Symbols() {
    }

    /** The canonical form of a symbol; null becomes the empty string, which no price or universe contains. */
    public static String normalise(String symbol) {
        return symbol == null ? "" : symbol.trim().toUpperCase(Locale.ROOT);
    }
}
