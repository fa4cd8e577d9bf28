package io.aitrader.prices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class RequestBudgetTest {

    private final FakeClock clock = new FakeClock(Instant.parse("2025-11-03T15:00:00Z"));

    @Test
    void twelveRequestsAtFivePerMinuteWaitTwiceForTheWindowToReopen() throws InterruptedException {
        RequestBudget budget = new RequestBudget(5, clock, clock.pause());
        List<Instant> starts = new ArrayList<>();

        for (int i = 0; i < 12; i++) {
            budget.acquire();
            starts.add(clock.instant());
        }

        assertEquals(List.of(Duration.ofMinutes(1), Duration.ofMinutes(1)), clock.sleeps);
        assertAtMostPerMinute(5, starts);
        assertEquals(Duration.ofMinutes(2), Duration.between(starts.get(0), starts.get(11)));
    }

    @Test
    void waitsOnlyUntilTheOldestRequestLeavesTheWindow() throws InterruptedException {
        RequestBudget budget = new RequestBudget(2, clock, clock.pause());

        budget.acquire();
        clock.advance(Duration.ofSeconds(45));
        budget.acquire();
        clock.advance(Duration.ofSeconds(5));
        budget.acquire();

        assertEquals(List.of(Duration.ofSeconds(10)), clock.sleeps);
        assertEquals(Instant.parse("2025-11-03T15:01:00Z"), clock.instant());
    }

    @Test
    void spacedRequestsNeverWait() throws InterruptedException {
        RequestBudget budget = new RequestBudget(1, clock, clock.pause());

        for (int i = 0; i < 3; i++) {
            budget.acquire();
            clock.advance(Duration.ofSeconds(60));
        }

        assertTrue(clock.sleeps.isEmpty(), clock.sleeps.toString());
    }

    @Test
    void refusesANonPositiveBudget() {
        assertThrows(IllegalArgumentException.class, () -> new RequestBudget(0, clock, clock.pause()));
    }

    static void assertAtMostPerMinute(int limit, List<Instant> starts) {
        for (Instant start : starts) {
            long inWindow = starts.stream().filter(t -> !t.isBefore(start) && t.isBefore(start.plusSeconds(60)))
                    .count();
            assertTrue(inWindow <= limit, inWindow + " requests in the minute from " + start + ": " + starts);
        }
    }
}
