package io.aitrader.agent;

/** A model-day that could not be completed; the message is the failure reason stored on the model-day (no secrets). */
public class TraderException extends Exception {

    public TraderException(String message) {
        super(message);
    }

    public TraderException(String message, Throwable cause) {
        super(message, cause);
    }
}
