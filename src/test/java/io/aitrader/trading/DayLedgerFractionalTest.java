package io.aitrader.trading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.aitrader.market.Market;
import io.aitrader.trading.rules.TradingRules;

/**
 * Crypto's fractional amounts (contract 12): up to 6 decimals, exact books. Every figure is worked by hand: a
 * notional with more than 4 decimals is rounded to 4 (the money scale) against the trader, up for a buy and down for
 * a sell, so cash moves by exactly that.
 */
class DayLedgerFractionalTest {

    static final LocalDate SATURDAY = LocalDate.of(2025, 6, 7);
    static final PriceTable PRICES = PriceTable.builder()
            .add("BTC", SATURDAY, new BigDecimal("104123.45678901"), new BigDecimal("105000.00"))
            .add("ETH", SATURDAY, new BigDecimal("2500.50"), new BigDecimal("2510.25"))
            .add("AAA", SATURDAY, new BigDecimal("3.00"), null)
            .build();
    static final Set<String> COINS = Set.of("BTC", "ETH", "AAA");

    private static DayLedger ledger(String cash, Map<String, BigDecimal> holdings, TradingRules rules) {
        return new DayLedger(SATURDAY, new Portfolio(new BigDecimal(cash), holdings), PRICES, COINS, rules);
    }

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    @Test
    void aQuarterOfABitcoinCostsItsNotionalRoundedToFourDecimals() {
        DayLedger ledger = ledger("50000", Map.of(), Market.CRYPTO.rules());
        OrderResult bought = ledger.buy("BTC", d("0.25"));
        assertTrue(bought.accepted(), bought::message);
        // 0.25 × 104123.45678901 = 26030.8641972525 → 26030.8642
        assertEquals(d("26030.8642"), bought.trade().total());
        assertEquals(d("0.25"), bought.trade().amount());
        assertEquals(d("23969.1358"), ledger.current().cash());
        assertEquals(d("0.25"), ledger.current().shares("BTC"));
        assertEquals("Bought 0.25 BTC at 104123.45678901 (total 26030.8642). Cash now 23969.1358; BTC held: 0.25.",
                bought.message());

        OrderResult sold = ledger.sell("BTC", d("0.100000"));
        assertTrue(sold.accepted(), sold::message);
        assertEquals(d("0.1"), sold.trade().amount(), "kept without trailing zeros");
        assertEquals(d("10412.3456"), sold.trade().total()); // 10412.345678901 → 10412.3456 (down: a sell)
        assertEquals(d("34381.4814"), ledger.current().cash());
        assertEquals(d("0.15"), ledger.current().shares("BTC"));
        assertTrue(PortfolioState.sameState(ledger.current(), PortfolioState.apply(ledger.start(), ledger.trades())),
                "the stored trades replay to the same books");
    }

    @Test
    void moreThanSixDecimalsAndFractionsOfAShareAreRefused() {
        DayLedger coins = ledger("50000", Map.of(), Market.CRYPTO.rules());
        OrderResult refused = coins.buy("BTC", d("0.0000001"));
        assertFalse(refused.accepted());
        assertEquals("invalid_amount", refused.code());
        assertEquals("Invalid amount 0.0000001: orders are for an amount greater than 0 with at most 6 decimals.",
                refused.message());
        assertTrue(coins.buy("BTC", d("0.000001")).accepted(), "a millionth is the smallest amount");

        DayLedger stocks = ledger("50000", Map.of(), Market.US.rules());
        OrderResult half = stocks.buy("AAA", d("0.5"));
        assertEquals("invalid_amount", half.code());
        assertEquals("Invalid amount 0.5: orders are for a whole number of shares greater than 0.", half.message());
        assertTrue(stocks.trades().isEmpty());
        assertEquals(d("50000"), stocks.current().cash());
    }

    @Test
    void theLargestBuyIsSizedInMillionthsOfACoin() {
        DayLedger ledger = ledger("1000", Map.of(), Market.CRYPTO.rules());
        // 1000 / 3.00 = 333.333333…: 333.333333 costs 999.999999 → 1000.0000 (up), fits; one millionth more costs
        // 1000.000002 → 1000.0001, does not (rounded half up it would fit: the rounding would pay for the coin)
        assertEquals(d("333.333333"), ledger.largestBuy("AAA", d("1000")));
        DayLedger stocks = ledger("1000", Map.of(), Market.US.rules());
        assertEquals(d("333"), stocks.largestBuy("AAA", d("1000")));
    }

    @Test
    void settlementAndSlippageWorkOnFractions() {
        TradingRules rules = new TradingRules("t1-coins", BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
                BigDecimal.TEN, false, BigDecimal.valueOf(150), BigDecimal.valueOf(130), BigDecimal.ZERO, null, null, 1,
                TradingRules.Settlement.T1, BigDecimal.ZERO, null, 6);
        DayLedger ledger = ledger("10000", Map.of("ETH", d("0.5")), rules);
        OrderResult bought = ledger.buy("ETH", d("1.25"));
        // fill 2500.50 × 1.001 = 2503.00050 → 2503.0005; notional × 1.25 = 3128.750625 → 3128.7507 (up: a buy)
        assertEquals(d("2503.0005"), bought.trade().fillPrice());
        assertEquals(d("3128.7507"), bought.trade().total());
        // |2503.0005 − 2500.50| × 1.25 = 3.125625 → 3.1256
        assertEquals(d("3.1256"), bought.trade().slippage());
        OrderResult refused = ledger.sell("ETH", d("0.75"));
        assertEquals("settlement", refused.code());
        assertTrue(refused.message().contains("you hold 1.75 ETH but 1.25 were bought today")
                && refused.message().contains("at most 0.5 can be sold today"), refused.message());
        assertTrue(ledger.sell("ETH", d("0.5")).accepted());
        assertEquals(List.of("buy", "sell"), ledger.trades().stream().map(Trade::action).toList());
    }
}
