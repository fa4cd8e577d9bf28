package io.aitrader.prices;

/** One price row an import refused, with the reason; {@code date} is the text as the file gave it. */
public record PriceReject(String symbol, String date, String reason) {
}
