package io.aitrader.testing;

import java.time.Duration;
import java.util.function.Predicate;

import io.restassured.path.json.JsonPath;

/**
 * Polling with a deadline, for every wait in the tests: it always ends, and when it gives up it says what it waited
 * for and what it saw last, so a stuck test fails in minutes with a reason instead of hanging the build.
 */
public final class Await {

    /** How often a wait looks again unless told otherwise. */
    public static final Duration EVERY = Duration.ofMillis(50);

    /** One look at the thing waited for; it may throw (an HTTP call, a query), which ends the wait. */
    @FunctionalInterface
    public interface Probe<T> {
        T get() throws Exception;
    }

    private Await() {
    }

    /** Waits until {@code condition} holds; fails after {@code within}, naming {@code what}. */
    public static void until(Duration within, Probe<Boolean> condition, String what) {
        until(within, EVERY, condition, what);
    }

    /** As {@link #until(Duration, Probe, String)}, looking every {@code every}. */
    public static void until(Duration within, Duration every, Probe<Boolean> condition, String what) {
        until(within, every, condition, Boolean.TRUE::equals, what);
    }

    /** Looks every {@link #EVERY} until {@code done} accepts the value and returns that value. */
    public static <T> T until(Duration within, Probe<T> probe, Predicate<? super T> done, String what) {
        return until(within, EVERY, probe, done, what);
    }

    /**
     * Looks every {@code every} until {@code done} accepts the value and returns that value; after {@code within} it
     * fails with {@code what} (phrased as what was awaited: "job 42 to end") and the last value seen. It always looks
     * at least once, and once more at the deadline.
     */
    public static <T> T until(Duration within, Duration every, Probe<T> probe, Predicate<? super T> done,
            String what) {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            T value = look(probe, what);
            if (done.test(value)) {
                return value;
            }
            if (System.nanoTime() - deadline >= 0) {
                throw new AssertionError("gave up after " + within.toSeconds() + " s waiting for " + what
                        + "; last seen: " + describe(value));
            }
            pause(every);
        }
    }

    public static void pause(Duration duration) {
        pause(duration.toMillis());
    }

    public static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static <T> T look(Probe<T> probe, String what) {
        try {
            return probe.get();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for " + what, e);
        } catch (Exception e) {
            throw new AssertionError("failed while waiting for " + what + ": " + e, e);
        }
    }

    private static String describe(Object value) {
        return value instanceof JsonPath json ? json.prettify() : String.valueOf(value);
    }
}
