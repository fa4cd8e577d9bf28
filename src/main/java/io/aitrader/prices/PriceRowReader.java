package io.aitrader.prices;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;

import com.fasterxml.jackson.databind.JsonNode;

/** Reads one day's object; both key namings (open/close and AI-Trader's buy price/sell price) are accepted. */
final class PriceRowReader {

    private PriceRowReader() {
    }

    /**
     * A DIGITAL_CURRENCY_DAILY day in either of its documented forms: "1. open" … "5. volume" (market=USD), or the
     * older "1a. open (USD)" … with both quotes; the volume, in coins, is kept in whole coins (rounded down).
     */
    static PriceBar readCoin(String symbol, String dateText, JsonNode row, String source) {
        return read(symbol, dateText, row, source, true);
    }

    static PriceBar read(String symbol, String dateText, JsonNode row, String source) {
        return read(symbol, dateText, row, source, false);
    }

    private static PriceBar read(String symbol, String dateText, JsonNode row, String source, boolean coin) {
        LocalDate date;
        try {
            date = LocalDate.parse(dateText.trim());
        } catch (DateTimeParseException e) {
            throw new RowException("date is not a valid YYYY-MM-DD date");
        }
        Values v = values(row, coin);
        return new PriceBar(symbol, date, v.open(), v.high(), v.low(), v.close(), v.volume(), source);
    }

    /**
     * A 60-minute bar of TIME_SERIES_INTRADAY or CRYPTO_INTRADAY: "YYYY-MM-DD HH:MM:SS", on the hour, and "1. open"
     * … "5. volume" (a coin's volume, a JSON number in coins, kept in whole coins).
     */
    static IntradayBar readHour(String symbol, String timeText, JsonNode row, String source, boolean coin) {
        LocalDateTime start;
        try {
            start = LocalDateTime.parse(timeText.trim().replace(' ', 'T'));
        } catch (DateTimeParseException e) {
            throw new RowException("time is not a valid YYYY-MM-DD HH:MM:SS time");
        }
        if (start.getMinute() != 0 || start.getSecond() != 0 || start.getNano() != 0) {
            throw new RowException("not the start of a 60-minute bar (bars start on the hour)");
        }
        Values v = values(row, coin);
        return new IntradayBar(symbol, start, v.open(), v.high(), v.low(), v.close(), v.volume(), source);
    }

    private record Values(BigDecimal open, BigDecimal high, BigDecimal low, BigDecimal close, Long volume) {
    }

    private static Values values(JsonNode row, boolean coin) {
        if (!row.isObject()) {
            throw new RowException("the day's prices are not a JSON object");
        }
        BigDecimal open = price(row, "open", "1. open", "1. buy price", "1a. open (USD)");
        if (open == null) {
            throw new RowException("missing open price");
        }
        BigDecimal high = price(row, "high", "2. high", "2a. high (USD)");
        BigDecimal low = price(row, "low", "3. low", "3a. low (USD)");
        BigDecimal close = price(row, "close", "4. close", "4. sell price", "4a. close (USD)");
        BigDecimal volume = number(row, "volume", "5. volume");
        if (coin && volume != null) {
            volume = volume.setScale(0, java.math.RoundingMode.FLOOR);
        }
        Long shares = null;
        if (volume != null) {
            try {
                shares = volume.longValueExact();
            } catch (ArithmeticException e) {
                throw new RowException("volume must be a whole number");
            }
            if (shares < 0) {
                throw new RowException("volume must not be negative");
            }
        }
        return new Values(open, high, low, close, shares);
    }

    private static BigDecimal price(JsonNode row, String name, String... keys) {
        BigDecimal value = number(row, name, keys);
        if (value != null && value.signum() <= 0) {
            throw new RowException(name + " must be positive");
        }
        return value;
    }

    private static BigDecimal number(JsonNode row, String name, String... keys) {
        for (String key : keys) {
            JsonNode node = row.get(key);
            if (node == null || node.isNull()) {
                continue;
            }
            if (node.isNumber()) {
                return node.decimalValue();
            }
            String text = node.asText().trim();
            try {
                return new BigDecimal(text);
            } catch (NumberFormatException e) {
                String shown = text.length() > 30 ? text.substring(0, 30) + "..." : text;
                throw new RowException(name + " is not a number: '" + shown + "'");
            }
        }
        return null;
    }

    static final class RowException extends RuntimeException {
        RowException(String reason) {
            super(reason, null, false, false);
        }
    }
}
