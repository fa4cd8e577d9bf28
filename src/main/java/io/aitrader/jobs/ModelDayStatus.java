package io.aitrader.jobs;

/** Model-day lifecycle within a job; failed, skipped and cancelled carry the reason in {@code error}. */
public enum ModelDayStatus {
    PENDING, RUNNING, COMPLETED, FAILED, SKIPPED, CANCELLED;

    public String wire() {
        return name().toLowerCase();
    }

    public static ModelDayStatus fromWire(String value) {
        return valueOf(value.toUpperCase());
    }
}
