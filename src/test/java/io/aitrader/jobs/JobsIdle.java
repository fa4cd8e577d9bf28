package io.aitrader.jobs;

/** Lets tests of other packages wait until no job is active. */
public final class JobsIdle {

    private JobsIdle() {
    }

    public static void await() {
        JobsTestSupport.awaitIdle();
    }
}
