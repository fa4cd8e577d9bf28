package io.aitrader.trading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class DayLedgerTest {

    static final LocalDate DAY = LocalDate.of(2025, 10, 2);
    static final PriceTable PRICES = PriceTable.builder()
            .add("AAPL", DAY, new BigDecimal("255.88"), new BigDecimal("257.13"))
            .add("NVDA", DAY, new BigDecimal("181.02"), new BigDecimal("188.89"))
            .add("ODD", DAY, new BigDecimal("12.3456"), null)
            .add("MSFT", DAY.minusDays(1), new BigDecimal("510.00"), new BigDecimal("515.00"))
            .build();
    static final Set<String> TRADEABLE = Set.of("AAPL", "NVDA", "ODD", "MSFT");

    static BigDecimal money(String value) {
        return new BigDecimal(value);
    }

    static void assertMoney(String expected, BigDecimal actual) {
        assertEquals(0, money(expected).compareTo(actual), () -> "expected " + expected + " but was " + actual);
    }

    DayLedger ledger(Portfolio start) {
        return new DayLedger(DAY, start, PRICES, TRADEABLE);
    }

    @Test
    void cumulativeBuysStopAtTheCashLimit() {
        DayLedger ledger = ledger(Portfolio.cashOnly(money("10000.00")));

        OrderResult first = ledger.buy("AAPL", 20);
        OrderResult second = ledger.buy("AAPL", 19);
        OrderResult third = ledger.buy("AAPL", 1);

        assertTrue(first.accepted());
        assertNull(first.code());
        assertMoney("5117.60", first.trade().total());
        assertMoney("255.88", first.trade().price());
        assertMoney("4882.40", first.after().cash());
        assertTrue(second.accepted());
        assertMoney("20.68", second.after().cash());
        assertFalse(third.accepted());
        assertEquals("insufficient_cash", third.code());
        assertTrue(third.message().contains("255.88"), third.message());
        assertTrue(third.message().contains("20.68"), third.message());
        assertNull(third.trade());
        assertMoney("20.68", ledger.current().cash());
        assertEquals(39L, ledger.current().shares("AAPL"));
        assertEquals(List.of(1, 2), ledger.trades().stream().map(Trade::seq).toList());
    }

    @Test
    void insufficientCashMessageCarriesRequiredAndAvailable() {
        DayLedger ledger = ledger(Portfolio.cashOnly(money("1000")));

        OrderResult refused = ledger.buy("AAPL", 4);

        assertEquals("insufficient_cash", refused.code());
        assertTrue(refused.message().contains("1023.52"), refused.message());
        assertTrue(refused.message().contains("1000.00"), refused.message());
        assertMoney("1000", refused.after().cash());
    }

    @Test
    void buyOfExactlyAllCashLeavesZero() {
        DayLedger ledger = ledger(Portfolio.cashOnly(money("511.76")));

        OrderResult result = ledger.buy("AAPL", 2);

        assertTrue(result.accepted());
        assertEquals(0, result.after().cash().signum());
    }

    @Test
    void sellThenBuyWithTheProceeds() {
        DayLedger ledger = ledger(new Portfolio(money("100.00"), Map.of("NVDA", 10L)));

        OrderResult sold = ledger.sell("NVDA", 10);
        OrderResult bought = ledger.buy("AAPL", 7);

        assertTrue(sold.accepted());
        assertMoney("1810.20", sold.trade().total());
        assertMoney("1910.20", sold.after().cash());
        assertEquals(Map.of(), sold.after().holdings());
        assertTrue(bought.accepted(), bought.message());
        assertMoney("1791.16", bought.trade().total());
        assertMoney("119.04", ledger.current().cash());
        assertEquals(Map.of("AAPL", 7L), ledger.current().holdings());
        assertEquals(List.of("sell", "buy"), ledger.trades().stream().map(Trade::action).toList());
    }

    @Test
    void sellingMoreThanHeldIsRefusedWithHeldAndWanted() {
        DayLedger ledger = ledger(new Portfolio(money("0"), Map.of("NVDA", 5L)));

        OrderResult refused = ledger.sell("NVDA", 6);

        assertEquals("insufficient_shares", refused.code());
        assertTrue(refused.message().contains("hold 5 NVDA"), refused.message());
        assertTrue(refused.message().contains("sell 6"), refused.message());
        assertEquals(5L, ledger.current().shares("NVDA"));
    }

    @Test
    void sellingASymbolNotHeldIsInsufficientShares() {
        OrderResult refused = ledger(Portfolio.cashOnly(money("10"))).sell("AAPL", 1);

        assertEquals("insufficient_shares", refused.code());
    }

    @Test
    void unknownSymbolIsRefused() {
        DayLedger ledger = ledger(Portfolio.cashOnly(money("10000")));

        assertEquals("unknown_symbol", ledger.buy("TSLA", 1).code());
        assertEquals("unknown_symbol", ledger.sell("TSLA", 1).code());
        assertEquals("unknown_symbol", ledger.buy(null, 1).code());
        assertEquals("unknown_symbol", ledger.buy("  ", 1).code());
        assertTrue(ledger.buy("TSLA", 1).message().contains("TSLA"));
    }

    @Test
    void heldSymbolOutsideTheUniverseCanStillBeSold() {
        DayLedger ledger = new DayLedger(DAY, new Portfolio(money("0"), Map.of("NVDA", 2L)), PRICES, Set.of("AAPL"));

        assertEquals("unknown_symbol", ledger.buy("NVDA", 1).code());
        OrderResult sold = ledger.sell("NVDA", 2);

        assertTrue(sold.accepted(), sold.message());
        assertMoney("362.04", ledger.current().cash());
    }

    @Test
    void zeroOrNegativeAmountIsRefused() {
        DayLedger ledger = ledger(new Portfolio(money("10000"), Map.of("NVDA", 5L)));

        assertEquals("invalid_amount", ledger.buy("AAPL", 0).code());
        assertEquals("invalid_amount", ledger.buy("AAPL", -3).code());
        assertEquals("invalid_amount", ledger.sell("NVDA", 0).code());
        assertEquals("invalid_amount", ledger.sell("NVDA", -1).code());
        assertEquals(List.of(), ledger.trades());
    }

    @Test
    void symbolWithoutAnOpenTodayIsRefused() {
        DayLedger ledger = ledger(new Portfolio(money("10000"), Map.of("MSFT", 1L)));

        OrderResult buy = ledger.buy("MSFT", 1);
        OrderResult sell = ledger.sell("MSFT", 1);

        assertEquals("no_price", buy.code());
        assertEquals("no_price", sell.code());
        assertTrue(buy.message().contains("2025-10-02"), buy.message());
    }

    @Test
    void refusedOrdersChangeNothing() {
        Portfolio start = new Portfolio(money("300.00"), Map.of("NVDA", 3L));
        DayLedger ledger = ledger(start);
        ledger.buy("AAPL", 1);
        Portfolio before = ledger.current();
        List<Trade> tradesBefore = ledger.trades();

        List<OrderResult> refusals = List.of(ledger.buy("AAPL", 1), ledger.sell("NVDA", 4), ledger.buy("TSLA", 1),
                ledger.buy("MSFT", 1), ledger.buy("AAPL", 0), ledger.sell("AAPL", 2));

        for (OrderResult refusal : refusals) {
            assertFalse(refusal.accepted(), refusal.message());
            assertEquals(before, refusal.after());
        }
        assertEquals(before, ledger.current());
        assertEquals(tradesBefore, ledger.trades());
        assertEquals(start, ledger.start());
    }

    @Test
    void symbolsAreUpperCased() {
        DayLedger ledger = ledger(Portfolio.cashOnly(money("1000")));

        OrderResult result = ledger.buy(" aapl ", 1);

        assertTrue(result.accepted());
        assertEquals("AAPL", result.trade().symbol());
        assertEquals(1L, ledger.current().shares("AAPL"));
        assertTrue(ledger.sell("Aapl", 1).accepted());
    }

    @Test
    void fourDecimalPricesGiveExactTotals() {
        DayLedger ledger = ledger(Portfolio.cashOnly(money("100")));

        OrderResult result = ledger.buy("ODD", 3);

        assertEquals(money("12.3456"), result.trade().price());
        assertEquals(money("37.0368"), result.trade().total());
        assertEquals(money("62.9632"), ledger.current().cash());
    }

    @Test
    void replayingTheTradesGivesTheSameState() {
        Portfolio start = new Portfolio(money("2500"), Map.of("NVDA", 4L));
        DayLedger ledger = ledger(start);
        ledger.buy("AAPL", 3);
        ledger.sell("NVDA", 4);
        ledger.buy("ODD", 10);
        ledger.buy("AAPL", 100);

        Portfolio replayed = PortfolioState.apply(start, ledger.trades());

        assertTrue(PortfolioState.sameState(ledger.current(), replayed));
        assertEquals(start, ledger.start());
        assertEquals(DAY, ledger.date());
    }
}
