package io.aitrader.prices;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * The real 2025 NASDAQ-100 daily prices shipped inside the service (Alpha Vantage {@code TIME_SERIES_DAILY}, as
 * published by the AI-Trader benchmark), gzipped under {@code sample-prices/} on the class path. The files are listed
 * in import order: the first is dividend-adjusted, the second is not, and on their overlap the newer import wins.
 */
public final class SamplePrices {

    public static final List<String> FILES = List.of("nasdaq100-daily-2025-01-02_2025-06-27.jsonl",
            "nasdaq100-daily-2025-06-10_2025-10-30.jsonl", "qqq-daily-2025-06-10_2025-10-30.json");
    public static final LocalDate FIRST_DAY = LocalDate.of(2025, 1, 2);
    /** The sample's last day, which carries only opens (a day still in progress when it was published). */
    public static final LocalDate LAST_DAY = LocalDate.of(2025, 10, 30);

    private static final String FOLDER = "sample-prices/";

    private SamplePrices() {
    }

    /** The uncompressed content of one of {@link #FILES}. */
    public static byte[] content(String name) {
        if (!FILES.contains(name)) {
            throw new IllegalArgumentException("Not a sample price file: " + name);
        }
        ClassLoader loader = SamplePrices.class.getClassLoader();
        try (InputStream raw = loader.getResourceAsStream(FOLDER + name + ".gz")) {
            if (raw == null) {
                throw new IllegalStateException("The sample price file " + name + " is missing from the build");
            }
            try (GZIPInputStream in = new GZIPInputStream(raw)) {
                return in.readAllBytes();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the sample price file " + name, e);
        }
    }
}
