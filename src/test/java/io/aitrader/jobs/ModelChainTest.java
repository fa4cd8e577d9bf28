package io.aitrader.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.aitrader.trading.Portfolio;

class ModelChainTest {

    static final LocalDate MON = LocalDate.of(2025, 6, 2);
    static final LocalDate TUE = MON.plusDays(1);
    static final LocalDate WED = MON.plusDays(2);
    static final LocalDate THU = MON.plusDays(3);

    @Test
    void theNextDayStartsWhereTheCommittedDayEndedAsTheLedgerWouldReturnIt() {
        ModelChain chain = new ModelChain(List.of());
        assertTrue(chain.startFor(MON).isEmpty(), "nothing committed yet: ask the ledger");
        chain.committed(MON, new Portfolio(new BigDecimal("8852.9700"), Map.of("AAPL", 5L, "MSFT", 0L)),
                new BigDecimal("10006.080000"));
        StartState start = chain.startFor(TUE).orElseThrow();
        assertEquals(MON, start.previousDate());
        assertEquals(LedgerRepository.money(8852.97), start.portfolio().cash());
        assertEquals(Map.of("AAPL", 5L), start.portfolio().holdings());
        assertEquals(LedgerRepository.money(10006.08), start.previousValue());
    }

    @Test
    void aDayStoredInBetweenOrAFailureSendsTheNextDayToTheLedger() {
        ModelChain chain = new ModelChain(List.of(WED));
        chain.committed(MON, Portfolio.cashOnly(BigDecimal.TEN), BigDecimal.TEN);
        assertTrue(chain.startFor(TUE).isPresent());
        assertTrue(chain.startFor(WED).isPresent(), "a stored day run again starts from the day before it");
        assertTrue(chain.startFor(THU).isEmpty(), "Wednesday's stored result comes first");
        chain.committed(TUE, Portfolio.cashOnly(BigDecimal.ONE), BigDecimal.ONE);
        chain.broken();
        assertTrue(chain.startFor(WED).isEmpty(), "after a failed day the ledger decides");
    }
}
