package io.aitrader.agent;

/** The day's requests left its recording: the day fails with this reason, which starts with {@code replay_diverged}. */
public final class ReplayDivergedException extends TraderException {

    public ReplayDivergedException(String message) {
        super(message);
    }
}
