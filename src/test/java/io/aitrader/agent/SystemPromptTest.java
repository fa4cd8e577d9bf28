package io.aitrader.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import io.aitrader.trading.Portfolio;
import io.aitrader.trading.rules.TradingRules;

class SystemPromptTest {

    private final TradingSession session = TestSessions.session(TestSessions.spec("p", Map.of()), 10,
            TestSessions.TODAY, TestSessions.YESTERDAY,
            new Portfolio(new BigDecimal("6502.15"),
                    Map.of("AAPL", BigDecimal.valueOf(10), "NVDA", BigDecimal.valueOf(0))),
            TestSessions.PRICES,
            TestSessions.UNIVERSE, new AtomicBoolean());

    @Test
    void givesDatePositionsPricesRulesAndTheStopSignal() {
        String prompt = SystemPrompt.build(session);

        assertTrue(prompt.contains("Today's date: 2025-10-01"), prompt);
        assertTrue(prompt.contains("Previous trading day: 2025-09-30"), prompt);
        assertTrue(prompt.contains("Current positions: {\"AAPL\":10,\"CASH\":6502.15}"), prompt);
        assertFalse(prompt.contains("\"NVDA\":0"), "zero holdings are left out");
        assertTrue(prompt.contains("AAPL,254.63,255.88"), prompt);
        assertTrue(prompt.contains("NVDA,181.5,181.02"), prompt);
        assertTrue(prompt.contains("MSFT,505,506"), prompt);
        assertFalse(prompt.contains("257.11"), "today's close must not leak into the prompt");
        assertTrue(prompt.contains("filled at today's open"));
        assertTrue(prompt.contains("No shorting, no margin"));
        assertTrue(prompt.contains(SystemPrompt.FINISH_SIGNAL));
        assertTrue(SystemPrompt.firstUserMessage(session).contains("update today's positions"));
    }

    @Test
    void marksMissingPricesAndAFirstDayWithoutPreviousDay() {
        TradingSession first = TestSessions.session(TestSessions.spec("p", Map.of()), 10, TestSessions.YESTERDAY,
                null, Portfolio.cashOnly(new BigDecimal("10000")), TestSessions.PRICES,
                java.util.List.of("AAPL", "TSLA"), new AtomicBoolean());

        String prompt = SystemPrompt.build(first);

        assertTrue(prompt.contains("Previous trading day: n/a"), prompt);
        assertTrue(prompt.contains("AAPL,n/a,250"), prompt);
        assertTrue(prompt.contains("TSLA,n/a,n/a"), prompt);
    }

    @Test
    void theRulesOfContract42AreWordForWordTheTextRecordedRunsWereAskedWith() {
        // a replay matches requests by their bytes: under none the prompt must not change by a character
        assertEquals("""

                Rules:
                - Trade with buy(symbol, amount) and sell(symbol, amount): a whole number of shares greater than 0, \
                filled at today's open.
                - A buy needs enough cash, a sell needs that many shares. No shorting, no margin, no fees. \
                Proceeds of a sale can be used at once.
                - Only the symbols listed above can be traded.
                - A refused order changes nothing, and the tool result says why.
                - get_price_local shows earlier days in full and only the open of today; later dates are refused.
                - When you are done for today, answer without tool calls and include <FINISH_SIGNAL>.
                """, SystemPrompt.rules(TradingRules.NONE));
        assertEquals(SystemPrompt.rules(TradingRules.NONE), SystemPrompt.rules(TradingRules.NONE.withName("mine")));
    }

    @Test
    void otherRulesAreListedLineByLineInsteadOfNoFees() {
        TradingRules costly = new TradingRules("costly", BigDecimal.ZERO, new BigDecimal("0.005"), BigDecimal.ONE,
                BigDecimal.valueOf(5), false, BigDecimal.valueOf(150), BigDecimal.valueOf(130), BigDecimal.ZERO,
                BigDecimal.valueOf(25), null, 1, TradingRules.Settlement.T1, BigDecimal.ZERO);
        String text = SystemPrompt.rules(costly);
        assertFalse(text.contains("no fees"), text);
        assertTrue(text.contains("- A buy needs enough cash for its total and commission, a sell needs that many"
                + " shares."), text);
        for (String line : costly.describe()) {
            assertTrue(text.contains("- " + line + "\n"), line);
        }
        assertTrue(text.contains("Settlement T+1"), text);
        assertTrue(text.endsWith("include <FINISH_SIGNAL>.\n"), text);
    }
}
