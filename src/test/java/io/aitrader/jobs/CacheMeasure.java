package io.aitrader.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Anthropic's prompt cache measured on the same model-days run with and without cache_control: the billed input and
 * the cost of each, printed as a CACHE-MEASURE line for the record.
 */
final class CacheMeasure {

    private CacheMeasure() {
    }

    static void assertCachingPays(Map<String, BilledDays.Day> cached, Map<String, BilledDays.Day> uncached,
            List<String> days, int minimumPrefix) {
        for (String date : days) {
            BilledDays.Day on = cached.get(date);
            BilledDays.Day off = uncached.get(date);
            assertTrue(on.cacheWrite() >= minimumPrefix, "the first call writes the prefix: " + on);
            assertEquals(2 * on.cacheWrite(), on.cached(), "the second and third calls read it: " + on);
            assertEquals(0, off.cached() + off.cacheWrite(), "no cache without cache_control: " + off);
            System.out.printf(Locale.ROOT,
                    "CACHE-MEASURE %s claude-sonnet-4-5 calls=%d prefix=%d tokens | prompt_cache "
                            + "on: input=%d uncached_input=%d (of which cache_write=%d) cache_read=%d cost_usd=%s | off: "
                            + "input=%d uncached_input=%d cost_usd=%s | cost saved %.1f%%%n",
                    date, on.calls(),
                    on.cacheWrite(), on.input(), on.uncachedInput(), on.cacheWrite(), on.cached(),
                    on.costUsd().stripTrailingZeros().toPlainString(), off.input(), off.uncachedInput(),
                    off.costUsd().stripTrailingZeros().toPlainString(),
                    100 * (1 - on.costUsd().doubleValue() / off.costUsd().doubleValue()));
            assertTrue(on.uncachedInput() < off.uncachedInput(), "caching lowers the billed input");
            assertTrue(on.costUsd().compareTo(off.costUsd()) < 0, "and the cost");
        }
    }

    /** A model with automatic caching (OpenAI): what of its input was reported cached, and its cost. */
    static void print(String model, Map<String, BilledDays.Day> days) {
        days.forEach((date, d) -> System.out.printf(Locale.ROOT, "CACHE-MEASURE %s %s (automatic) calls=%d input=%d "
                + "cached=%d uncached_input=%d cost_usd=%s%n", date, model, d.calls(), d.input(), d.cached(),
                d.uncachedInput(), d.costUsd() == null ? "null" : d.costUsd().stripTrailingZeros().toPlainString()));
    }
}
