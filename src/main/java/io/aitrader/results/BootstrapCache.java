package io.aitrader.results;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Remembers bootstrap answers by their exact inputs (seed, risk-free rate, the daily returns and excess returns), so
 * a repeated /performance request, or one whose models mostly did not change, does not resample again: 10,000
 * resamples of 250 days take milliseconds per model. The key is the data itself, so an answer can never be stale.
 */
@ApplicationScoped
public class BootstrapCache {

    static final int CAPACITY = 1024;

    private record Key(long seed, double riskFree, double[] returns, double[] excess) {

        @Override
        public boolean equals(Object other) {
            return other instanceof Key k && seed == k.seed && Double.compare(riskFree, k.riskFree) == 0
                    && Arrays.equals(returns, k.returns) && Arrays.equals(excess, k.excess);
        }

        @Override
        public int hashCode() {
            return 31 * (31 * Long.hashCode(seed) + Double.hashCode(riskFree)) + Arrays.hashCode(returns) * 17
                    + Arrays.hashCode(excess);
        }
    }

    private final Map<Key, StationaryBootstrap.Uncertainty> answers = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, StationaryBootstrap.Uncertainty> eldest) {
            return size() > CAPACITY;
        }
    };

    /** The bootstrap of these returns (null with fewer than two), computed once per distinct input. */
    public StationaryBootstrap.Uncertainty of(double[] returns, double[] excess, double riskFreeRatePct, long seed) {
        Key key = new Key(seed, riskFreeRatePct, returns, excess);
        synchronized (answers) {
            if (answers.containsKey(key)) {
                return answers.get(key);
            }
        }
        StationaryBootstrap.Uncertainty computed = StationaryBootstrap.of(returns, excess, riskFreeRatePct, seed);
        synchronized (answers) {
            answers.put(key, computed);
        }
        return computed;
    }
}
