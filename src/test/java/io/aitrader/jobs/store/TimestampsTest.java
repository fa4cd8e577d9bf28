package io.aitrader.jobs.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class TimestampsTest {

    @Test
    void fastMillisAgreeWithInstantParse() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 100_000; i++) {
            Instant time = Instant.ofEpochMilli(random.nextLong(-2_000_000_000_000L, 7_000_000_000_000L));
            String text = time.truncatedTo(ChronoUnit.MILLIS).toString();
            if (text.length() == 24) {
                assertEquals(time.toEpochMilli(), Timestamps.millis(text), text);
            }
        }
        assertEquals(Instant.parse("2024-02-29T23:59:59.999Z").toEpochMilli(),
                Timestamps.millis("2024-02-29T23:59:59.999Z"));
    }

    @Test
    void otherFormsFallBackToTheFullParser() {
        assertEquals(Instant.parse("2025-10-01T14:03:07Z").toEpochMilli(), Timestamps.millis("2025-10-01T14:03:07Z"));
        assertEquals(Instant.parse("2025-10-01T14:03:07.123456Z").toEpochMilli(),
                Timestamps.millis("2025-10-01T14:03:07.123456Z"));
        assertThrows(DateTimeParseException.class, () -> Timestamps.millis("2025-1x-01T14:03:07.123Z"));
    }
}
