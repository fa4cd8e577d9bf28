package io.aitrader.agent;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import io.aitrader.trading.Portfolio;

class SystemPromptTest {

    private final TradingSession session = TestSessions.session(TestSessions.spec("p", Map.of()), 10,
            TestSessions.TODAY, TestSessions.YESTERDAY,
            new Portfolio(new BigDecimal("6502.15"), Map.of("AAPL", 10L, "NVDA", 0L)), TestSessions.PRICES,
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
}
