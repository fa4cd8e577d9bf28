package io.aitrader.dashboard;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import io.aitrader.cost.Usd;
import io.aitrader.market.Market;

/** How the dashboard writes numbers and dates; "—" stands for a value that does not exist. */
final class Fmt {

    static final String NONE = "—";
    static final String UNKNOWN = "unknown";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    private Fmt() {
    }

    static String pct(Double value) {
        return value == null ? NONE : String.format(Locale.ROOT, "%+.2f%%", value);
    }

    /** A percentage without a sign, for magnitudes such as volatility. */
    static String size(Double value) {
        return value == null ? NONE : String.format(Locale.ROOT, "%.2f%%", value);
    }

    static String ratio(Double value) {
        return value == null ? NONE : String.format(Locale.ROOT, "%.2f", value);
    }

    static String money(double value) {
        return money(value, "$");
    }

    /** An amount in a market's currency, written with its sign: "$1,234.50", "¥100,000.00" (contract 12). */
    static String money(double value, String sign) {
        return sign + String.format(Locale.US, "%,.2f", value);
    }

    /** The sign of the market named {@code id} (us when unknown). */
    static String currencySign(String marketId) {
        return Market.byId(marketId).orElse(Market.US).currencySign();
    }

    /** USD to at most 6 decimals ("$0.00", "$0.000123"); null: an amount that exists but is not known. */
    static String usd(BigDecimal amount) {
        return amount == null ? UNKNOWN : Usd.text(amount);
    }

    static String day(LocalDate date) {
        return date == null ? NONE : DAY.format(date);
    }

    /** "up", "down" or "flat": the CSS class of a signed number. */
    static String sign(Double value) {
        if (value == null || Math.abs(value) < 0.005) {
            return "flat";
        }
        return value > 0 ? "up" : "down";
    }
}
