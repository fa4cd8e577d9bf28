package io.aitrader.jobs.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.aitrader.jobs.store.LedgerRepository;
import io.aitrader.jobs.store.StartState;
import io.aitrader.trading.Portfolio;

class ModelChainTest {

    static final LocalDate MON = LocalDate.of(2025, 6, 2);
    static final LocalDate TUE = MON.plusDays(1);
    static final LocalDate WED = MON.plusDays(2);
    static final LocalDate THU = MON.plusDays(3);

    @Test
    void theNextDayStartsWhereTheCommittedDayEndedAsTheLedgerWouldReturnIt() {
        ModelChain chain = new ModelChain();
        assertTrue(chain.startFor(MON, null).isEmpty(), "nothing committed yet: ask the ledger");
        chain.committed(MON,
                new Portfolio(new BigDecimal("8852.9700"),
                        Map.of("AAPL", BigDecimal.valueOf(5), "MSFT", BigDecimal.valueOf(0))),
                new BigDecimal("10006.080000"));
        StartState start = chain.startFor(TUE, MON).orElseThrow();
        assertEquals(MON, start.previousDate());
        assertEquals(LedgerRepository.money(8852.97), start.portfolio().cash());
        assertEquals(Map.of("AAPL", BigDecimal.valueOf(5)), start.portfolio().holdings());
        assertEquals(LedgerRepository.money(10006.08), start.previousValue());
    }

    @Test
    void aDayStoredInBetweenOrAFailureSendsTheNextDayToTheLedger() {
        ModelChain chain = new ModelChain();
        chain.committed(MON, Portfolio.cashOnly(BigDecimal.TEN), BigDecimal.TEN);
        assertTrue(chain.startFor(WED, MON).isPresent(), "nothing stored in between");
        assertTrue(chain.startFor(WED, TUE).isEmpty(), "Tuesday, stored by another pipeline, comes first");
        assertTrue(chain.startFor(MON, null).isEmpty(), "never a start after the day itself");
        chain.committed(TUE, Portfolio.cashOnly(BigDecimal.ONE), BigDecimal.ONE);
        assertTrue(chain.startFor(THU, TUE).isPresent());
        chain.broken();
        assertTrue(chain.startFor(THU, TUE).isEmpty(), "after a failed day the ledger decides");
    }
}
