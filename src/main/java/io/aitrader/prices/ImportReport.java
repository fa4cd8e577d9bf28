package io.aitrader.prices;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The answer to one price import. Overlaps follow "the newer import wins": {@code replaced} rows were overwritten,
 * {@code unchanged} rows were already stored with the same values. {@code rejects} lists at most
 * {@link #MAX_LISTED_REJECTS} of the {@code rejected} rows.
 */
public record ImportReport(String file, int symbols, int inserted, int replaced, int unchanged, int rejected,
        List<PriceReject> rejects, @JsonProperty("synthetic_removed") int syntheticRemoved) {

    public static final int MAX_LISTED_REJECTS = 100;

    static ImportReport of(String file, ParsedPrices parsed, StoreCounts counts, int syntheticRemoved) {
        List<PriceReject> listed = parsed.rejects().stream().limit(MAX_LISTED_REJECTS).toList();
        return new ImportReport(file, parsed.symbols().size(), counts.inserted(), counts.replaced(),
                counts.unchanged(), parsed.rejects().size(), listed, syntheticRemoved);
    }
}
