package io.aitrader.trading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class DayLedgerConcurrencyTest {

    static final LocalDate DAY = LocalDate.of(2025, 10, 2);

    @Test
    void parallelBuysNeverOverdraw() throws Exception {
        PriceTable prices = PriceTable.builder().add("AAPL", DAY, new BigDecimal("10.01"), null).build();
        // 8 threads x 500 buys of 1 share = 4000 wanted; cash covers 2999 shares with 8.01 left over
        DayLedger ledger = new DayLedger(DAY, Portfolio.cashOnly(new BigDecimal("30028.00")), prices, Set.of("AAPL"));
        CountDownLatch go = new CountDownLatch(1);
        AtomicBoolean negativeSeen = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Integer>> accepted = new ArrayList<>();
        try {
            for (int t = 0; t < 8; t++) {
                Callable<Integer> buyer = () -> {
                    go.await();
                    int count = 0;
                    for (int i = 0; i < 500; i++) {
                        OrderResult result = ledger.buy("AAPL", BigDecimal.valueOf(1));
                        if (result.after().cash().signum() < 0) {
                            negativeSeen.set(true);
                        }
                        count += result.accepted() ? 1 : 0;
                    }
                    return count;
                };
                accepted.add(pool.submit(buyer));
            }
            go.countDown();
            int total = 0;
            for (Future<Integer> future : accepted) {
                total += future.get(30, TimeUnit.SECONDS);
            }

            assertEquals(2999, total);
        } finally {
            pool.shutdownNow();
        }
        assertFalse(negativeSeen.get(), "cash went negative");
        assertEquals(0, new BigDecimal("8.01").compareTo(ledger.current().cash()), ledger.current().cash().toString());
        assertEquals(BigDecimal.valueOf(2999), ledger.current().shares("AAPL"));
        assertEquals(IntStream.rangeClosed(1, 2999).boxed().toList(),
                ledger.trades().stream().map(Trade::seq).toList());
    }
}
