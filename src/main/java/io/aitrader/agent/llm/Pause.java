package io.aitrader.agent.llm;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits between retries, giving up early when {@code stop} turns true; tests pass one that only records. */
@FunctionalInterface
public interface Pause {

    /** Returns false when it stopped early because {@code stop} turned true. */
    boolean pause(Duration duration, BooleanSupplier stop) throws InterruptedException;

    /** Sleeps in slices of at most 200 ms, checking {@code stop} between them. */
    static Pause system() {
        return (duration, stop) -> {
            long end = System.nanoTime() + duration.toNanos();
            long left;
            while ((left = end - System.nanoTime()) > 0) {
                if (stop.getAsBoolean()) {
                    return false;
                }
                Thread.sleep(Math.max(1, Math.min(200, left / 1_000_000)));
            }
            return !stop.getAsBoolean();
        };
    }
}
