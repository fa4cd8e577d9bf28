package io.aitrader.prices;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** progress.download's counts and ETA: the request budget bounds the pace, a slower network stretches it. */
class DownloadProgressEtaTest {

    @Test
    void aFreeKeysBudgetMakesAHundredAndTwoSymbolsTakeTwentyMinutes() {
        assertEquals(new DownloadProgress(102, 0, 0, 102, 5, 1224), DownloadProgress.of(102, 0, 0, 5,
                Duration.ZERO));
        assertEquals(new DownloadProgress(102, 4, 1, 97, 5, 1164), DownloadProgress.of(102, 4, 1, 5,
                Duration.ofSeconds(2)));
    }

    @Test
    void aSlowerPaceThanTheBudgetsDecides() {
        assertEquals(100, DownloadProgress.of(20, 10, 0, 1000, Duration.ofSeconds(100)).etaSeconds());
        assertEquals(0, DownloadProgress.of(3, 2, 1, 5, Duration.ofSeconds(30)).symbolsLeft());
    }

    @Test
    void theEtaReadsWell() {
        assertEquals("45 s", DownloadProgress.readable(45));
        assertEquals("19 min 24 s", DownloadProgress.readable(1164));
        assertEquals("2 min", DownloadProgress.readable(120));
        assertEquals("2 h 5 min", DownloadProgress.readable(7500));
    }
}
