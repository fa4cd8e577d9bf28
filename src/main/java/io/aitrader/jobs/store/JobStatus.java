package io.aitrader.jobs.store;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

/** Job lifecycle: pending → downloading_data → running → completed | partial | failed | cancelled. */
public enum JobStatus {
    PENDING, DOWNLOADING_DATA, RUNNING, COMPLETED, PARTIAL, FAILED, CANCELLED;

    public static final Set<JobStatus> ACTIVE = Set.of(PENDING, DOWNLOADING_DATA, RUNNING);

    public String wire() {
        return name().toLowerCase(Locale.ROOT); // never the default locale: a Turkish one writes "faıled"
    }

    public boolean active() {
        return ACTIVE.contains(this);
    }

    public static JobStatus fromWire(String value) {
        return Arrays.stream(values()).filter(s -> s.wire().equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown job status"));
    }
}
