package io.aitrader.prices;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import io.aitrader.market.Market;
import io.aitrader.market.MarketCalendar;

/**
 * The intraday forms of a price file (contract 13), as Alpha Vantage answers them: TIME_SERIES_INTRADAY with
 * {@code interval=60min} ("Meta Data": "2. Symbol", "4. Interval" 60min, "6. Time Zone" US/Eastern; rows under
 * "Time Series (60min)") and CRYPTO_INTRADAY ("2. Digital Currency Code", "4. Market Code" USD, "7. Interval",
 * "9. Time Zone" UTC; rows under "Time Series Crypto (60min)"). Rows are "YYYY-MM-DD HH:MM:SS" at the bar's start, in
 * the named zone, which is the market's own (New York, UTC), so they are kept as written.
 */
final class IntradaySeries {

    static final String STOCK_SERIES = "Time Series (60min)";
    static final String COIN_SERIES = "Time Series Crypto (60min)";
    private static final String STOCK_ZONE = "US/Eastern";
    private static final String COIN_ZONE = "UTC";

    private IntradaySeries() {
    }

    /** The series key of an intraday answer of any interval ("Time Series (5min)"), if the object is one. */
    static Optional<String> seriesKey(JsonNode root) {
        for (Iterator<String> names = root.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (name.matches("Time Series (Crypto )?\\(\\d+min\\)")) {
                return Optional.of(name);
            }
        }
        return Optional.empty();
    }

    /** Why the series cannot be imported at all (interval, zone, market), or empty when its rows can be read. */
    static Optional<String> refusal(JsonNode root, String key, String symbol) {
        boolean coin = key.startsWith("Time Series Crypto");
        if (!key.equals(coin ? COIN_SERIES : STOCK_SERIES)) {
            return Optional.of("Only 60-minute intraday bars are imported (interval=60min), not \"" + key + "\"");
        }
        String zone = zone(root.path(PriceFileParser.META), coin);
        if (!zone.isEmpty() && !zone.equalsIgnoreCase(coin ? COIN_ZONE : STOCK_ZONE)) {
            return Optional.of("An intraday series must be in " + (coin ? COIN_ZONE : STOCK_ZONE) + " time, not "
                    + zone);
        }
        if (coin && !root.path(PriceFileParser.META).path(PriceFileParser.QUOTE).asText("USD").trim()
                .equalsIgnoreCase("USD")) {
            return Optional.of("A crypto series must be quoted in USD (\"4. Market Code\": \"USD\"), the crypto"
                    + " market's currency");
        }
        if (!coin && Market.ofSymbol(symbol) == Market.CN) {
            return Optional.of("Shanghai symbols trade daily only: hourly trading is for us stocks and crypto coins");
        }
        return Optional.empty();
    }

    /** Reads every row of a series {@link #refusal} accepted into {@code bars}, refusing bad rows with a reason. */
    static void read(JsonNode series, String symbol, boolean coin, String source, Map<String, IntradayBar> bars,
            List<PriceReject> rejects) {
        MarketCalendar days = coin ? Market.CRYPTO.calendar() : Market.US.calendar();
        LocalDate latestAllowed = LocalDate.now(ZoneOffset.UTC).plusDays(1);
        for (Map.Entry<String, JsonNode> row : series.properties()) {
            try {
                IntradayBar bar = PriceRowReader.readHour(symbol, row.getKey(), row.getValue(), source, coin);
                if (bar.date().isAfter(latestAllowed)) {
                    throw new PriceRowReader.RowException("time is in the future");
                }
                if (!days.isTradingDay(bar.date())) {
                    throw new PriceRowReader.RowException("not a trading day (weekend or NYSE holiday)");
                }
                bars.put(symbol + '|' + bar.start(), bar);
            } catch (PriceRowReader.RowException e) {
                rejects.add(new PriceReject(symbol, row.getKey(), e.getMessage()));
            }
        }
    }

    private static String zone(JsonNode meta, boolean coin) {
        return meta.path(coin ? "9. Time Zone" : "6. Time Zone").asText("").trim();
    }
}
