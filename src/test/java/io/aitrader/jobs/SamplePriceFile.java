package io.aitrader.jobs;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The shipped sample's opens and closes read straight from its file, apart from the service's import, so tests can
 * recompute money from the prices the engine traded at without asking the code under test.
 */
final class SamplePriceFile {

    private static final String SECOND_HALF = "/sample-prices/nasdaq100-daily-2025-06-10_2025-10-30.jsonl.gz";

    private final Map<String, JsonNode> days = new HashMap<>();

    private SamplePriceFile() {
    }

    /** The file with the days from 2025-06-10 to 2025-10-30. */
    static SamplePriceFile secondHalf() {
        SamplePriceFile file = new SamplePriceFile();
        ObjectMapper json = new ObjectMapper();
        try (InputStream in = SamplePriceFile.class.getResourceAsStream(SECOND_HALF);
                BufferedReader lines = new BufferedReader(
                        new InputStreamReader(new GZIPInputStream(in), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                JsonNode node = json.readTree(line);
                String symbol = node.path("Meta Data").path("2. Symbol").asText();
                node.path("Time Series (Daily)").fields()
                        .forEachRemaining(day -> file.days.put(symbol + "@" + day.getKey(), day.getValue()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    BigDecimal open(String symbol, String date) {
        return field(symbol, date, "1. buy price");
    }

    BigDecimal close(String symbol, String date) {
        return field(symbol, date, "4. sell price");
    }

    private BigDecimal field(String symbol, String date, String name) {
        JsonNode day = days.get(symbol + "@" + date);
        if (day == null || !day.hasNonNull(name)) {
            throw new IllegalArgumentException("the sample has no " + name + " of " + symbol + " on " + date);
        }
        return new BigDecimal(day.get(name).asText());
    }
}
