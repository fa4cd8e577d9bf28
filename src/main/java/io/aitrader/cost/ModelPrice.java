package io.aitrader.cost;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a model's tokens cost, in USD per million tokens (contract 9). {@code cacheWritePerMtok} is optional: Anthropic
 * bills tokens written to its prompt cache above the input price; without it they cost the input price, as in the
 * contract's formula. {@code validFrom} and {@code source} say where the figures come from (null for a config's own).
 */
public record ModelPrice(BigDecimal inputPerMtok, BigDecimal cachedInputPerMtok, BigDecimal outputPerMtok,
        BigDecimal cacheWritePerMtok, LocalDate validFrom, String source) {

    /** Mock and builtin models: nothing to pay. */
    public static final ModelPrice FREE = new ModelPrice(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, null, null,
            "free");

    /** Costs are kept to this many decimals (a millionth of a cent), rounded half up. */
    public static final int SCALE = 8;
    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

    /** ((input − cached) × input + cached × cached_input + output × output) / 10^6, plus the cache-write surcharge. */
    public BigDecimal costUsd(Tokens tokens) {
        BigDecimal uncached = BigDecimal.valueOf(tokens.input() - tokens.cachedInput());
        BigDecimal micro = uncached.multiply(inputPerMtok)
                .add(BigDecimal.valueOf(tokens.cachedInput()).multiply(cachedInputPerMtok))
                .add(BigDecimal.valueOf(tokens.output()).multiply(outputPerMtok));
        if (cacheWritePerMtok != null && tokens.cacheWrite() > 0) {
            micro = micro
                    .add(BigDecimal.valueOf(tokens.cacheWrite()).multiply(cacheWritePerMtok.subtract(inputPerMtok)));
        }
        return micro.divide(MILLION, SCALE, RoundingMode.HALF_UP);
    }

    /** The price as a config's {@code pricing} object (how a job stores the price it ran with). */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put(PriceFields.INPUT, inputPerMtok);
        map.put(PriceFields.CACHED_INPUT, cachedInputPerMtok);
        map.put(PriceFields.OUTPUT, outputPerMtok);
        if (cacheWritePerMtok != null) {
            map.put(PriceFields.CACHE_WRITE, cacheWritePerMtok);
        }
        if (validFrom != null) {
            map.put(PriceFields.VALID_FROM, validFrom.toString());
        }
        if (source != null) {
            map.put(PriceFields.SOURCE, source);
        }
        return map;
    }
}
