package io.aitrader.prices;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.locks.ReentrantLock;

import io.aitrader.platform.retry.Pause;

/** Lets at most N requests start in any rolling minute, waiting when the budget is spent. */
public final class RequestBudget {

    static final Duration WINDOW = Duration.ofMinutes(1);

    private final int perMinute;
    private final InstantSource clock;
    private final Pause pause;
    private final Deque<Instant> starts = new ArrayDeque<>();
    // a lock rather than synchronized: callers queue behind a waiting caller without pinning virtual threads
    private final ReentrantLock lock = new ReentrantLock(true);

    public RequestBudget(int perMinute, InstantSource clock, Pause pause) {
        if (perMinute < 1) {
            throw new IllegalArgumentException("requests per minute must be at least 1, got " + perMinute);
        }
        this.perMinute = perMinute;
        this.clock = clock;
        this.pause = pause;
    }

    public int perMinute() {
        return perMinute;
    }

    /** Blocks until one more request fits in the budget, then counts it. */
    public void acquire() throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (true) {
                Instant now = clock.instant();
                while (!starts.isEmpty() && !starts.peekFirst().plus(WINDOW).isAfter(now)) {
                    starts.removeFirst();
                }
                if (starts.size() < perMinute) {
                    starts.addLast(now);
                    return;
                }
                pause.pause(Duration.between(now, starts.peekFirst().plus(WINDOW)));
            }
        } finally {
            lock.unlock();
        }
    }
}
