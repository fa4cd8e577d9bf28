package io.aitrader.platform.database;

/** A database failure; its message is safe to log, the driver's cause stays out of responses. */
public class StoreException extends RuntimeException {

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
