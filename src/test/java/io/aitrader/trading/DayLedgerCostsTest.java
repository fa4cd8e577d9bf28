package io.aitrader.trading;

import static io.aitrader.trading.RulesFixture.assertAccepted;
import static io.aitrader.trading.RulesFixture.assertMoney;
import static io.aitrader.trading.RulesFixture.assertRefused;
import static io.aitrader.trading.RulesFixture.rules;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Slippage and commission through the ledger: what a trade records and how cash moves (contract 10). */
class DayLedgerCostsTest {

    @Test
    void aBuyPaysTheSlippedFillAndTheMinimumCommission() {
        DayLedger ledger = rules().realisticCosts().ledger("10000.00", Map.of());

        OrderResult result = ledger.buy("AAA", BigDecimal.valueOf(10));

        assertAccepted(result);
        Trade trade = result.trade();
        assertMoney("100.00", trade.price());
        assertMoney("100.05", trade.fillPrice());
        assertMoney("1000.50", trade.total());
        assertMoney("1.00", trade.commission()); // 10 × 0.005 = 0.05, below the 1.00 minimum
        assertMoney("0.50", trade.slippage()); // (100.05 − 100.00) × 10
        assertMoney("-1001.50", trade.cashEffect());
        assertMoney("8998.50", ledger.current().cash()); // 10000.00 − 1000.50 − 1.00
        assertEquals("Bought 10 AAA at 100.05 (total 1000.50; open 100.00, slippage 0.50, commission 1.00). Cash now "
                + "8998.50; AAA held: 10.",
                result.message());
    }

    @Test
    void aSellReceivesTheSlippedFillLessTheCommission() {
        DayLedger ledger = rules().realisticCosts().ledger("0", Map.of("AAA", BigDecimal.valueOf(10)));

        OrderResult result = ledger.sell("AAA", BigDecimal.valueOf(10));

        assertAccepted(result);
        assertMoney("99.95", result.trade().fillPrice()); // 100.00 × (1 − 5/10^4)
        assertMoney("999.50", result.trade().total());
        assertMoney("1.00", result.trade().commission());
        assertMoney("0.50", result.trade().slippage());
        assertMoney("998.50", ledger.current().cash()); // 999.50 − 1.00
        assertEquals(Map.of(), ledger.current().holdings());
    }

    @Test
    void aLargeOrderPaysThePerShareRate() {
        DayLedger ledger = rules().realisticCosts().ledger("200000.00", Map.of());

        OrderResult result = ledger.buy("BBB", BigDecimal.valueOf(1000));

        // fill 50.00 × 1.0005 = 50.025; notional 50025.00; commission 1000 × 0.005 = 5.00
        assertMoney("50.025", result.trade().fillPrice());
        assertMoney("50025.00", result.trade().total());
        assertMoney("5.00", result.trade().commission());
        assertMoney("25.00", result.trade().slippage());
        assertMoney("149970.00", ledger.current().cash()); // 200000.00 − 50025.00 − 5.00
    }

    @Test
    void bpsCommissionAndRoundedFills() {
        DayLedger ledger = rules().commission("10", "0", "0").slippage("3").ledger("1000.00", Map.of());

        OrderResult result = ledger.buy("CCC", BigDecimal.valueOf(7));

        // fill 20.00 × 1.0003 = 20.006; notional 140.042; commission 140.042 × 10/10^4 = 0.140042 → 0.1400
        assertMoney("20.006", result.trade().fillPrice());
        assertMoney("140.042", result.trade().total());
        assertMoney("0.1400", result.trade().commission());
        assertMoney("0.042", result.trade().slippage());
        assertMoney("859.818", ledger.current().cash()); // 1000.00 − 140.042 − 0.1400
    }

    @Test
    void cashMustCoverTheCommissionToo() {
        DayLedger ledger = rules().realisticCosts().ledger("1001.49", Map.of());

        assertRefused(ledger, l -> l.buy("AAA", BigDecimal.valueOf(10)), "insufficient_cash", "requires 1001.50",
                "(1000.50 plus 1.00 commission)", "only 1001.49 is available");
    }

    @Test
    void exactlyEnoughCashForNotionalAndCommissionLeavesZero() {
        DayLedger ledger = rules().realisticCosts().ledger("1001.50", Map.of());

        assertAccepted(ledger.buy("AAA", BigDecimal.valueOf(10)));
        assertEquals(0, ledger.current().cash().signum());
    }

    @Test
    void aSellWhoseCommissionExceedsProceedsAndCashIsRefused() {
        DayLedger ledger = rules().commission("0", "0.005", "1.00").ledger("0.40",
                Map.of("CHEAP", BigDecimal.valueOf(1)));

        // proceeds 0.50, commission 1.00: cash would be 0.40 + 0.50 − 1.00 = −0.10
        assertRefused(ledger, l -> l.sell("CHEAP", BigDecimal.valueOf(1)), "insufficient_cash", "1.00 commission",
                "proceeds 0.50",
                "0.90 available");
    }

    @Test
    void tradesReplayToTheLedgersEndState() {
        DayLedger ledger = rules().realisticCosts().ledger("10000.00", Map.of("BBB", BigDecimal.valueOf(4)));
        assertAccepted(ledger.buy("AAA", BigDecimal.valueOf(10)));
        assertAccepted(ledger.sell("BBB", BigDecimal.valueOf(4)));
        assertAccepted(ledger.buy("CCC", BigDecimal.valueOf(3)));

        assertEquals(ledger.current(), PortfolioState.apply(ledger.start(), ledger.trades()));
    }
}
