package io.aitrader.jobs.store;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Job lifecycle: pending → downloading_data → running → completed | partial | failed | cancelled. */
public enum JobStatus {
    PENDING, DOWNLOADING_DATA, RUNNING, COMPLETED, PARTIAL, FAILED, CANCELLED;

    public static final Set<JobStatus> ACTIVE = Set.of(PENDING, DOWNLOADING_DATA, RUNNING);

    /** The active statuses as an SQL list, {@code ('pending', 'downloading_data', 'running')}: written once. */
    public static final String ACTIVE_SQL = Stream.of(PENDING, DOWNLOADING_DATA, RUNNING)
            .map(status -> "'" + status.wire() + "'").collect(Collectors.joining(", ", "(", ")"));

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
