package io.aitrader.config;

import java.util.LinkedHashMap;
import java.util.Map;

import io.aitrader.trading.rules.TradingRules;

/** Trading rules in the contract's shape (section 10: snake_case fields, null for no limit), for API answers. */
public final class RulesJson {

    private RulesJson() {
    }

    public static Map<String, Object> fields(TradingRules rules) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("name", rules.name());
        fields.put("commission_bps", rules.commissionBps());
        fields.put("commission_per_share", rules.commissionPerShare());
        fields.put("commission_min", rules.commissionMin());
        fields.put("slippage_bps", rules.slippageBps());
        fields.put("allow_short", rules.allowShort());
        fields.put("short_margin_pct", rules.shortMarginPct());
        fields.put("maintenance_margin_pct", rules.maintenanceMarginPct());
        fields.put("borrow_fee_bps_per_year", rules.borrowFeeBpsPerYear());
        fields.put("max_position_pct", rules.maxPositionPct());
        fields.put("max_positions", rules.maxPositions());
        fields.put("lot_size", rules.lotSize());
        fields.put("settlement", rules.settlement().name());
        fields.put("min_cash_pct", rules.minCashPct());
        if (rules.priceLimitPct() != null) { // only where a market sets one: a US job's rules keep their shape
            fields.put("price_limit_pct", rules.priceLimitPct());
        }
        if (rules.fractional()) { // likewise: crypto's
            fields.put("quantity_decimals", rules.quantityDecimals());
        }
        return fields;
    }
}
