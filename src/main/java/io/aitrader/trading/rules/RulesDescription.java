package io.aitrader.trading.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Says in plain words which trading rules differ from contract 4.2, so the model knows what an order costs. */
final class RulesDescription {

    private RulesDescription() {
    }

    static List<String> of(TradingRules rules) {
        List<String> lines = new ArrayList<>();
        if (rules.chargesCommission()) {
            lines.add(commission(rules));
        }
        if (rules.slippageBps().signum() > 0) {
            lines.add(String.format(Locale.ROOT,
                    "Slippage: buys fill %s bps above the day's open, sells %s bps below it.",
                    plain(rules.slippageBps()), plain(rules.slippageBps())));
        }
        if (rules.allowShort()) {
            lines.add(String.format(Locale.ROOT,
                    "Short selling is allowed: selling more shares than you hold opens or grows a short position"
                            + " (negative shares); buying a shorted symbol covers the short first. Opening or growing"
                            + " a short needs cash after the trade of at least %s%% of the value of all your shorts at"
                            + " fill prices.",
                    plain(rules.shortMarginPct())));
            lines.add(String.format(Locale.ROOT,
                    "At each day's open a borrow fee of %s bps a year of the short value is taken from cash; when"
                            + " cash is then below %s%% of the short value, every short is bought back at the open"
                            + " (margin call).",
                    plain(rules.borrowFeeBpsPerYear()), plain(rules.maintenanceMarginPct())));
        }
        if (rules.maxPositionPct() != null) {
            lines.add(String.format(Locale.ROOT,
                    "A buy may not make one symbol's position worth more than %s%% of the portfolio value.",
                    plain(rules.maxPositionPct())));
        }
        if (rules.maxPositions() != null) {
            lines.add(String.format(Locale.ROOT, "A buy may not open a position beyond %d positions held at once.",
                    rules.maxPositions()));
        }
        if (rules.lotSize() > 1) {
            lines.add(String.format(Locale.ROOT, "Orders are in whole lots of %d shares.", rules.lotSize()));
        }
        if (rules.settlement() == TradingRules.Settlement.T1) {
            lines.add("Settlement T+1: shares bought today cannot be sold today.");
        }
        if (rules.priceLimitPct() != null) {
            lines.add(String.format(Locale.ROOT,
                    "Daily price limit ±%s%% of the previous close: a buy is refused when the open is at or above"
                            + " the upper limit, a sell when it is at or below the lower limit.",
                    plain(rules.priceLimitPct())));
        }
        if (rules.minCashPct().signum() > 0) {
            lines.add(String.format(Locale.ROOT, "A buy may not leave cash below %s%% of the portfolio value.",
                    plain(rules.minCashPct())));
        }
        return List.copyOf(lines);
    }

    private static String commission(TradingRules rules) {
        List<String> parts = new ArrayList<>();
        if (rules.commissionBps().signum() != 0) {
            parts.add(plain(rules.commissionBps()) + " bps of the traded value");
        }
        if (rules.commissionPerShare().signum() != 0) {
            parts.add(money(rules.commissionPerShare()) + " per share");
        }
        String minimum = rules.commissionMin().signum() > 0 ? ", at least " + money(rules.commissionMin()) : "";
        return "Commission per order: " + String.join(" plus ", parts) + minimum + ".";
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    /** At least 2 decimals, as the ledger's messages show money (0.005, 1.00). */
    private static String money(BigDecimal value) {
        BigDecimal plain = value.stripTrailingZeros();
        return plain.setScale(Math.max(2, plain.scale())).toPlainString();
    }
}
