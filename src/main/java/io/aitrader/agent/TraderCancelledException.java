package io.aitrader.agent;

/** The model-day was stopped because its job was cancelled; nothing of the day is kept. */
public class TraderCancelledException extends TraderException {

    public TraderCancelledException() {
        super("cancelled");
    }
}
