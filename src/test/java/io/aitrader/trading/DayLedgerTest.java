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

        OrderResult first = ledger.buy("AAPL", BigDecimal.valueOf(20));
        OrderResult second = ledger.buy("AAPL", BigDecimal.valueOf(19));
        OrderResult third = ledger.buy("AAPL", BigDecimal.valueOf(1));

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
        assertEquals(BigDecimal.valueOf(39), ledger.current().shares("AAPL"));
        assertEquals(List.of(1, 2), ledger.trades().stream().map(Trade::seq).toList());
    }

    @Test
    void insufficientCashMessageCarriesRequiredAndAvailable() {
        DayLedger ledger = ledger(Portfolio.cashOnly(money("1000")));

        OrderResult refused = ledger.buy("AAPL", BigDecimal.valueOf(4));

        assertEquals("insufficient_cash", refused.code());
        assertTrue(refused.message().contains("1023.52"), refused.message());
        assertTrue(refused.message().contains("1000.00"), refused.message());
        assertMoney("1000", refused.after().cash());
    }

    @Test
    void buyOfExactlyAllCashLeavesZero() {
        DayLedger ledger = ledger(Portfolio.cashOnly(money("511.76")));

        OrderResult result = ledger.buy("AAPL", BigDecimal.valueOf(2));

        assertTrue(result.accepted());
        assertEquals(0, result.after().cash().signum());
    }

    @Test
    void sellThenBuyWithTheProceeds() {
        DayLedger ledger = ledger(new Portfolio(money("100.00"), Map.of("NVDA", BigDecimal.valueOf(10))));

        OrderResult sold = ledger.sell("NVDA", BigDecimal.valueOf(10));
        OrderResult bought = ledger.buy("AAPL", BigDecimal.valueOf(7));

        assertTrue(sold.accepted());
        assertMoney("1810.20", sold.trade().total());
        assertMoney("1910.20", sold.after().cash());
        assertEquals(Map.of(), sold.after().holdings());
        assertTrue(bought.accepted(), bought.message());
        assertMoney("1791.16", bought.trade().total());
        assertMoney("119.04", ledger.current().cash());
        assertEquals(Map.of("AAPL", BigDecimal.valueOf(7)), ledger.current().holdings());
        assertEquals(List.of("sell", "buy"), ledger.trades().stream().map(Trade::action).toList());
    }

    @Test
    void sellingMoreThanHeldIsRefusedWithHeldAndWanted() {
        DayLedger ledger = ledger(new Portfolio(money("0"), Map.of("NVDA", BigDecimal.valueOf(5))));

        OrderResult refused = ledger.sell("NVDA", BigDecimal.valueOf(6));

        assertEquals("insufficient_shares", refused.code());
        assertTrue(refused.message().contains("hold 5 NVDA"), refused.message());
        assertTrue(refused.message().contains("sell 6"), refused.message());
        assertEquals(BigDecimal.valueOf(5), ledger.current().shares("NVDA"));
    }

    @Test
    void sellingASymbolNotHeldIsInsufficientShares() {
        OrderResult refused = ledger(Portfolio.cashOnly(money("10"))).sell("AAPL", BigDecimal.valueOf(1));

        assertEquals("insufficient_shares", refused.code());
    }

    @Test
    void unknownSymbolIsRefused() {
        DayLedger ledger = ledger(Portfolio.cashOnly(money("10000")));

        assertEquals("unknown_symbol", ledger.buy("TSLA", BigDecimal.valueOf(1)).code());
        assertEquals("unknown_symbol", ledger.sell("TSLA", BigDecimal.valueOf(1)).code());
        assertEquals("unknown_symbol", ledger.buy(null, BigDecimal.valueOf(1)).code());
        assertEquals("unknown_symbol", ledger.buy("  ", BigDecimal.valueOf(1)).code());
        assertTrue(ledger.buy("TSLA", BigDecimal.valueOf(1)).message().contains("TSLA"));
    }

    @Test
    void heldSymbolOutsideTheUniverseCanStillBeSold() {
        DayLedger ledger = new DayLedger(DAY, new Portfolio(money("0"), Map.of("NVDA", BigDecimal.valueOf(2))), PRICES,
                Set.of("AAPL"));

        assertEquals("unknown_symbol", ledger.buy("NVDA", BigDecimal.valueOf(1)).code());
        OrderResult sold = ledger.sell("NVDA", BigDecimal.valueOf(2));

        assertTrue(sold.accepted(), sold.message());
        assertMoney("362.04", ledger.current().cash());
    }

    @Test
    void zeroOrNegativeAmountIsRefused() {
        DayLedger ledger = ledger(new Portfolio(money("10000"), Map.of("NVDA", BigDecimal.valueOf(5))));

        assertEquals("invalid_amount", ledger.buy("AAPL", BigDecimal.valueOf(0)).code());
        assertEquals("invalid_amount", ledger.buy("AAPL", BigDecimal.valueOf(-3)).code());
        assertEquals("invalid_amount", ledger.sell("NVDA", BigDecimal.valueOf(0)).code());
        assertEquals("invalid_amount", ledger.sell("NVDA", BigDecimal.valueOf(-1)).code());
        assertEquals(List.of(), ledger.trades());
    }

    @Test
    void symbolWithoutAnOpenTodayIsRefused() {
        DayLedger ledger = ledger(new Portfolio(money("10000"), Map.of("MSFT", BigDecimal.valueOf(1))));

        OrderResult buy = ledger.buy("MSFT", BigDecimal.valueOf(1));
        OrderResult sell = ledger.sell("MSFT", BigDecimal.valueOf(1));

        assertEquals("no_price", buy.code());
        assertEquals("no_price", sell.code());
        assertTrue(buy.message().contains("2025-10-02"), buy.message());
    }

    @Test
    void refusedOrdersChangeNothing() {
        Portfolio start = new Portfolio(money("300.00"), Map.of("NVDA", BigDecimal.valueOf(3)));
        DayLedger ledger = ledger(start);
        ledger.buy("AAPL", BigDecimal.valueOf(1));
        Portfolio before = ledger.current();
        List<Trade> tradesBefore = ledger.trades();

        List<OrderResult> refusals = List.of(ledger.buy("AAPL", BigDecimal.valueOf(1)),
                ledger.sell("NVDA", BigDecimal.valueOf(4)), ledger.buy("TSLA", BigDecimal.valueOf(1)),
                ledger.buy("MSFT", BigDecimal.valueOf(1)), ledger.buy("AAPL", BigDecimal.valueOf(0)),
                ledger.sell("AAPL", BigDecimal.valueOf(2)));

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

        OrderResult result = ledger.buy(" aapl ", BigDecimal.valueOf(1));

        assertTrue(result.accepted());
        assertEquals("AAPL", result.trade().symbol());
        assertEquals(BigDecimal.valueOf(1), ledger.current().shares("AAPL"));
        assertTrue(ledger.sell("Aapl", BigDecimal.valueOf(1)).accepted());
    }

    @Test
    void fourDecimalPricesGiveExactTotals() {
        DayLedger ledger = ledger(Portfolio.cashOnly(money("100")));

        OrderResult result = ledger.buy("ODD", BigDecimal.valueOf(3));

        assertEquals(money("12.3456"), result.trade().price());
        assertEquals(money("37.0368"), result.trade().total());
        assertEquals(money("62.9632"), ledger.current().cash());
    }

    @Test
    void replayingTheTradesGivesTheSameState() {
        Portfolio start = new Portfolio(money("2500"), Map.of("NVDA", BigDecimal.valueOf(4)));
        DayLedger ledger = ledger(start);
        ledger.buy("AAPL", BigDecimal.valueOf(3));
        ledger.sell("NVDA", BigDecimal.valueOf(4));
        ledger.buy("ODD", BigDecimal.valueOf(10));
        ledger.buy("AAPL", BigDecimal.valueOf(100));

        Portfolio replayed = PortfolioState.apply(start, ledger.trades());

        assertTrue(PortfolioState.sameState(ledger.current(), replayed));
        assertEquals(start, ledger.start());
        assertEquals(DAY, ledger.date());
    }
}
