package io.aitrader.prices;

import java.util.List;
import java.util.SortedSet;

/** A parsed price file: the valid rows (one per symbol and date), the refused rows and every symbol the file names. */
public record ParsedPrices(List<PriceBar> bars, List<PriceReject> rejects, SortedSet<String> symbols) {
}
