package io.aitrader.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class AwaitTest {

    @Test
    void returnsTheFirstValueThatIsDone() {
        AtomicInteger looks = new AtomicInteger();
        int value = Await.until(Duration.ofSeconds(5), Duration.ofMillis(1), looks::incrementAndGet, v -> v == 3,
                "the third look");
        assertEquals(3, value);
        assertEquals(3, looks.get());
    }

    @Test
    void givesUpAtTheDeadlineNamingWhatItAwaitedAndWhatItSawLast() {
        AtomicInteger looks = new AtomicInteger();
        long started = System.nanoTime();
        AssertionError failure = assertThrows(AssertionError.class, () -> Await.until(Duration.ofMillis(200),
                Duration.ofMillis(10), looks::incrementAndGet, v -> false, "a value that never comes"));
        long tookMillis = (System.nanoTime() - started) / 1_000_000;
        assertTrue(tookMillis >= 200 && tookMillis < 5_000, tookMillis + " ms");
        assertTrue(failure.getMessage().contains("waiting for a value that never comes; last seen: " + looks.get()),
                failure.getMessage());
    }

    @Test
    void looksAtLeastOnceEvenWithNoTimeLeft() {
        assertTrue(Await.until(Duration.ZERO, () -> 7, v -> v == 7, "seven") == 7);
        assertThrows(AssertionError.class, () -> Await.until(Duration.ofMillis(-5), () -> false, "never"));
    }

    @Test
    void aProbeThatThrowsEndsTheWaitWithItsCause() {
        AssertionError failure = assertThrows(AssertionError.class, () -> Await.until(Duration.ofMinutes(1), () -> {
            throw new IOException("connection refused");
        }, "an answer"));
        assertTrue(failure.getMessage().contains("an answer"), failure.getMessage());
        assertTrue(failure.getCause() instanceof IOException, String.valueOf(failure.getCause()));
    }
}
