package io.aitrader.jobs.store;

/** Model-day lifecycle within a job; failed, skipped and cancelled carry the reason in {@code error}. */
public enum ModelDayStatus {
    PENDING, RUNNING, COMPLETED, FAILED, SKIPPED, CANCELLED;

    private final String wire = name().toLowerCase(java.util.Locale.ROOT);

    public String wire() {
        return wire;
    }

    public static ModelDayStatus fromWire(String value) {
        for (ModelDayStatus status : VALUES) {
            if (status.wire.equals(value)) {
                return status;
            }
        }
        return valueOf(value.toUpperCase(java.util.Locale.ROOT)); // throws for an unknown value
    }

    private static final ModelDayStatus[] VALUES = values();
}
