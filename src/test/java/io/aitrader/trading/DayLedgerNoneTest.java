package io.aitrader.trading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import io.aitrader.trading.rules.TradingRules;

/** Under {@link TradingRules#NONE} a ledger gives exactly what it gave before the rules existed (contract 4.2). */
class DayLedgerNoneTest {

    /** A sequence of orders; each answer as "code|message|price|total|cash" with the exact scales. */
    static List<String> run(DayLedger ledger) {
        List<Function<DayLedger, OrderResult>> orders = List.of(l -> l.buy("AAPL", BigDecimal.valueOf(20)),
                l -> l.buy("odd", BigDecimal.valueOf(3)),
                l -> l.sell("AAPL", BigDecimal.valueOf(5)), l -> l.sell("ODD", BigDecimal.valueOf(3)),
                l -> l.buy("NVDA", BigDecimal.valueOf(40)), l -> l.sell("AAPL", BigDecimal.valueOf(16)),
                l -> l.sell("NVDA", BigDecimal.valueOf(1)), l -> l.buy("MSFT", BigDecimal.valueOf(1)),
                l -> l.buy("TSLA", BigDecimal.valueOf(1)), l -> l.buy("AAPL", BigDecimal.valueOf(0)),
                l -> l.sell("AAPL", BigDecimal.valueOf(15)), l -> l.buy("NVDA", BigDecimal.valueOf(34)));
        List<String> answers = new ArrayList<>();
        for (Function<DayLedger, OrderResult> order : orders) {
            OrderResult r = order.apply(ledger);
            answers.add(r.code() + "|" + r.message() + "|" + (r.trade() == null ? "-" : r.trade().price()) + "|"
                    + (r.trade() == null ? "-" : r.trade().total()) + "|" + r.after().cash().toPlainString());
        }
        return answers;
    }

    static final List<String> EXPECTED = List.of(
            "null|Bought 20 AAPL at 255.88 (total 5117.60). Cash now 4882.40; AAPL held: 20.|255.88|5117.60|4882.40",
            "null|Bought 3 ODD at 12.3456 (total 37.0368). Cash now 4845.3632; ODD held: 3.|12.3456|37.0368|4845.3632",
            "null|Sold 5 AAPL at 255.88 (total 1279.40). Cash now 6124.7632; AAPL held: 15.|255.88|1279.40|6124.7632",
            "null|Sold 3 ODD at 12.3456 (total 37.0368). Cash now 6161.80; ODD held: 0.|12.3456|37.0368|6161.8000",
            "insufficient_cash|Insufficient cash: buying 40 NVDA at 181.02 requires 7240.80 but only 6161.80 is"
                    + " available.|-|-|6161.8000",
            "insufficient_shares|Insufficient shares: you hold 15 AAPL but want to sell 16.|-|-|6161.8000",
            "insufficient_shares|Insufficient shares: you hold 0 NVDA but want to sell 1.|-|-|6161.8000",
            "no_price|No price: MSFT has no open price on 2025-10-02, so it cannot be traded today.|-|-|6161.8000",
            "unknown_symbol|Unknown symbol 'TSLA': it is not tradeable in this simulation.|-|-|6161.8000",
            "invalid_amount|Invalid amount 0: orders are for a whole number of shares greater than 0.|-|-|6161.8000",
            "null|Sold 15 AAPL at 255.88 (total 3838.20). Cash now 10000.00; AAPL held: 0.|255.88|3838.20|10000.0000",
            "null|Bought 34 NVDA at 181.02 (total 6154.68). Cash now 3845.32; NVDA held: 34.|181.02|6154.68|3845.3200");

    static DayLedger ledger(Function<Portfolio, DayLedger> make) {
        return make.apply(Portfolio.cashOnly(new BigDecimal("10000.00")));
    }

    @Test
    void theDefaultLedgerGivesTodaysAnswers() {
        DayLedger ledger = ledger(p -> new DayLedger(DayLedgerTest.DAY, p, DayLedgerTest.PRICES,
                DayLedgerTest.TRADEABLE));
        assertEquals(EXPECTED, run(ledger));
        assertEquals(Map.of("NVDA", BigDecimal.valueOf(34)), ledger.current().holdings());
        assertEquals(List.of(1, 2, 3, 4, 5, 6), ledger.trades().stream().map(Trade::seq).toList());
        assertEquals(
                new Trade(1, "buy", "AAPL", BigDecimal.valueOf(20), new BigDecimal("255.88"),
                        new BigDecimal("5117.60")),
                ledger.trades().get(0), "equal to a trade made the way it was before the rules");
    }

    @Test
    void explicitNoneAndARenamedNoneGiveTheSameAnswers() {
        for (TradingRules rules : List.of(TradingRules.NONE, TradingRules.NONE.withName("benchmark"))) {
            DayLedger ledger = ledger(p -> new DayLedger(DayLedgerTest.DAY, p, DayLedgerTest.PRICES,
                    DayLedgerTest.TRADEABLE, rules));
            assertEquals(EXPECTED, run(ledger));
            for (Trade trade : ledger.trades()) {
                assertEquals(trade.price(), trade.fillPrice());
                assertEquals(BigDecimal.ZERO, trade.commission());
                assertEquals(0, trade.slippage().signum());
                assertNull(trade.reason());
            }
        }
    }

    @Test
    void openingADayWithoutShortsChangesNothing() {
        Portfolio start = new Portfolio(new BigDecimal("100.00"), Map.of("AAPL", BigDecimal.valueOf(3)));
        DayLedger ledger = new DayLedger(DayLedgerTest.DAY, start, DayLedgerTest.PRICES, DayLedgerTest.TRADEABLE);

        DayOpening opening = ledger.open(DayLedgerTest.DAY.minusDays(1));

        assertEquals(start, opening.portfolio());
        assertEquals(0, opening.borrowFee().signum());
        assertEquals(List.of(), opening.covers());
        assertEquals(start, ledger.current());
    }
}
