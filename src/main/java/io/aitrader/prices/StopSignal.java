package io.aitrader.prices;

/**
 * Asks a download run to stop (its job was cancelled). The run asks for no further symbol, and whatever the run is
 * blocked on inside a request — the request budget's wait, a retry's backoff, the answer in flight — ends at once: the
 * downloading thread is interrupted, but only while it is inside {@link #interruptibly}, so the interrupt never
 * reaches its database work.
 */
public final class StopSignal {

    /** A blocking call that the stop may interrupt. */
    @FunctionalInterface
    public interface Blocking<T> {
        T call() throws InterruptedException;
    }

    private volatile boolean stopped;
    private Thread inside; // guarded by this
    private boolean interruptSent; // guarded by this

    public void stop() {
        synchronized (this) {
            stopped = true;
            if (inside != null && !interruptSent) {
                interruptSent = true;
                inside.interrupt();
            }
        }
    }

    public boolean stopped() {
        return stopped;
    }

    /**
     * Runs {@code call} on this thread, interrupted by {@link #stop()}; throws InterruptedException at once when the
     * run is stopped already. On return the interrupt sent by the stop is cleared, so the thread goes on normally.
     */
    <T> T interruptibly(Blocking<T> call) throws InterruptedException {
        synchronized (this) {
            if (stopped) {
                throw new InterruptedException("download stopped");
            }
            inside = Thread.currentThread();
        }
        try {
            return call.call();
        } finally {
            synchronized (this) {
                inside = null;
                if (interruptSent) {
                    Thread.interrupted(); // ours, whether or not the call saw it
                    interruptSent = false;
                }
            }
        }
    }
}
