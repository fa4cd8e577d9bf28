package io.aitrader.config;

import java.math.BigDecimal;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

import io.aitrader.trading.rules.TradingRules;

/** Reads and range-checks one rules object, recording every problem; each absent field takes the base rules' value. */
final class RulesFields {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private RulesFields() {
    }

    static TradingRules parse(JsonNode node, String path, String defaultName, TradingRules base,
            List<String> problems) {
        JsonFields f = new JsonFields(node, path, problems);
        unknownKeys(node, f);
        String name = name(f, defaultName);
        BigDecimal commissionBps = atLeastZero(f, "commission_bps", base.commissionBps());
        BigDecimal perShare = atLeastZero(f, "commission_per_share", base.commissionPerShare());
        BigDecimal commissionMin = atLeastZero(f, "commission_min", base.commissionMin());
        BigDecimal slippage = atLeastZero(f, "slippage_bps", base.slippageBps());
        Boolean allowShort = f.bool("allow_short", base.allowShort());
        BigDecimal shortMargin = atLeastZero(f, "short_margin_pct", base.shortMarginPct());
        BigDecimal maintenance = atLeastZero(f, "maintenance_margin_pct", base.maintenanceMarginPct());
        if (maintenance.compareTo(shortMargin) > 0) {
            f.problem("maintenance_margin_pct", "must not be more than short_margin_pct (got " + plain(maintenance)
                    + " > " + plain(shortMargin) + ")");
        }
        BigDecimal borrowFee = atLeastZero(f, "borrow_fee_bps_per_year", base.borrowFeeBpsPerYear());
        BigDecimal maxPositionPct = f.present("max_position_pct")
                ? f.number("max_position_pct", null)
                : base.maxPositionPct();
        if (maxPositionPct != null && (maxPositionPct.signum() <= 0 || maxPositionPct.compareTo(HUNDRED) > 0)) {
            f.problem("max_position_pct", "must be more than 0 and at most 100, or null for no limit (got "
                    + plain(maxPositionPct) + ")");
            maxPositionPct = null;
        }
        Integer maxPositions = wholeNumber(f, "max_positions", base.maxPositions());
        if (maxPositions != null && maxPositions < 1) {
            f.problem("max_positions", "must be 1 or more, or null for no limit (got " + maxPositions + ")");
            maxPositions = null;
        }
        Integer lotSize = wholeNumber(f, "lot_size", base.lotSize());
        if (lotSize == null || lotSize < 1) {
            if (lotSize != null) {
                f.problem("lot_size", "must be a whole number of shares, 1 or more (got " + lotSize + ")");
            }
            lotSize = base.lotSize();
        }
        TradingRules.Settlement settlement = settlement(f, base.settlement());
        BigDecimal minCash = atLeastZero(f, "min_cash_pct", base.minCashPct());
        if (minCash.compareTo(HUNDRED) >= 0) {
            f.problem("min_cash_pct", "must be less than 100 (got " + plain(minCash) + ")");
            minCash = base.minCashPct();
        }
        BigDecimal priceLimit = f.present("price_limit_pct") ? f.number("price_limit_pct", null) : base.priceLimitPct();
        if (priceLimit != null && (priceLimit.signum() <= 0 || priceLimit.compareTo(HUNDRED) >= 0)) {
            f.problem("price_limit_pct", "must be more than 0 and less than 100, or null for no limit (got "
                    + plain(priceLimit) + ")");
            priceLimit = base.priceLimitPct();
        }
        Integer decimals = wholeNumber(f, "quantity_decimals", base.quantityDecimals());
        if (decimals == null || decimals < 0 || decimals > TradingRules.MAX_QUANTITY_DECIMALS) {
            if (decimals != null) {
                f.problem("quantity_decimals", "must be a whole number from 0 (whole shares) to "
                        + TradingRules.MAX_QUANTITY_DECIMALS + " (got " + decimals + ")");
            }
            decimals = base.quantityDecimals();
        }
        return new TradingRules(name, commissionBps, perShare, commissionMin, slippage,
                allowShort == null ? base.allowShort() : allowShort, shortMargin, maintenance, borrowFee,
                maxPositionPct, maxPositions, lotSize, settlement, minCash, priceLimit, decimals);
    }

    private static void unknownKeys(JsonNode node, JsonFields f) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext();) {
            String key = names.next();
            if (!RulesParser.RULE_FIELDS.contains(key) && !RulesParser.NOTE_FIELDS.contains(key)) {
                f.problem(ConfigPathResolver.shown(key), "is not a rules field (known: "
                        + String.join(", ", new TreeSet<>(RulesParser.RULE_FIELDS))
                        + ", and the notes about, sources)");
            }
        }
        f.text("about");
        JsonNode sources = node.get("sources");
        if (sources != null && !sources.isNull() && !sources.isObject()) {
            f.problem("sources", "must be an object of notes, one per rules field");
        } else if (sources != null && sources.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = sources.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> source = it.next();
                if (!RulesParser.RULE_FIELDS.contains(source.getKey()) || !source.getValue().isTextual()) {
                    f.problem("sources." + ConfigPathResolver.shown(source.getKey()),
                            "must be a text note on a rules field");
                }
            }
        }
    }

    private static String name(JsonFields f, String defaultName) {
        String name = f.text("name");
        if (name == null) {
            return defaultName;
        }
        if (!RulesParser.NAME.matcher(name).matches()) {
            f.problem("name", "'" + ConfigPathResolver.shown(name)
                    + "' must be 1 to 64 letters, digits, '_' or '-' (it becomes part of signatures)");
            return defaultName;
        }
        return name;
    }

    private static BigDecimal atLeastZero(JsonFields f, String field, BigDecimal fallback) {
        BigDecimal value = f.number(field, fallback);
        if (value == null) {
            return fallback;
        }
        if (value.signum() < 0) {
            f.problem(field, "must be 0 or more (got " + plain(value) + ")");
            return fallback;
        }
        return value;
    }

    private static Integer wholeNumber(JsonFields f, String field, Integer fallback) {
        if (!f.has(field)) {
            return fallback;
        }
        BigDecimal value = f.number(field, null);
        if (value == null) {
            return fallback;
        }
        try {
            return value.intValueExact();
        } catch (ArithmeticException e) {
            f.problem(field, "must be a whole number (got " + plain(value) + ")");
            return fallback;
        }
    }

    private static TradingRules.Settlement settlement(JsonFields f, TradingRules.Settlement fallback) {
        String text = f.text("settlement");
        if (text == null) {
            return fallback;
        }
        String upper = text.trim().toUpperCase(Locale.ROOT);
        if (!List.of("T0", "T1").contains(upper)) {
            f.problem("settlement", "must be \"T0\" or \"T1\" (got '" + ConfigPathResolver.shown(text) + "')");
            return fallback;
        }
        return TradingRules.Settlement.valueOf(upper);
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
