package io.aitrader.platform.retry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** The one backoff rule (attempts count from 1) and the stop-aware system pause. */
class RetryPolicyTest {

    @Test
    void theWaitAfterEachFailedAttemptDoublesUpToTheCap() {
        RetryPolicy policy = new RetryPolicy(5, Duration.ofSeconds(2), Duration.ofSeconds(10));

        assertEquals(Duration.ofSeconds(2), policy.backoff(1));
        assertEquals(Duration.ofSeconds(4), policy.backoff(2));
        assertEquals(Duration.ofSeconds(8), policy.backoff(3));
        assertEquals(Duration.ofSeconds(10), policy.backoff(4));
        assertEquals(Duration.ofSeconds(10), policy.cap(Duration.ofHours(1)));
        assertEquals(Duration.ofSeconds(3), policy.cap(Duration.ofSeconds(3)));
        assertThrows(IllegalArgumentException.class, () -> policy.backoff(0));
        assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(-1, Duration.ZERO, Duration.ZERO));
    }

    @Test
    void theSystemPauseWaitsTheWholeTimeUnlessStopped() throws InterruptedException {
        long start = System.nanoTime();
        Pause.system().pause(Duration.ofMillis(50));
        assertTrue(System.nanoTime() - start >= Duration.ofMillis(50).toNanos());

        AtomicInteger checks = new AtomicInteger();
        start = System.nanoTime();
        assertFalse(Pause.system().pause(Duration.ofMinutes(1), () -> checks.incrementAndGet() > 2));
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(5).toNanos(), "a stop ends the wait early");
    }
}
