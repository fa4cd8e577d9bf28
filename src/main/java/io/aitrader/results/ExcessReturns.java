package io.aitrader.results;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A model's daily returns over the benchmark's on the same days: r_i − b_i, where b_i is the buy-and-hold's return
 * from the model's previous day (its first: from the benchmark's day before, or from the initial cash when the
 * benchmark starts that day) to the model's day i. NaN where the benchmark has no value for either day.
 */
final class ExcessReturns {

    private final Map<LocalDate, Double> values = new HashMap<>();
    private final List<LocalDate> dates;
    private final double initialCash;

    ExcessReturns(BuyAndHold hold, double initialCash) {
        this.dates = hold.dates();
        this.initialCash = initialCash;
        for (int i = 0; i < hold.dates().size(); i++) {
            values.put(hold.dates().get(i), hold.values()[i]);
        }
    }

    /**
     * One entry per daily return of {@code metrics} (whose days are {@code days}); null when some day has no return
     * (it followed a value of 0 or less), so returns and days do not pair.
     */
    double[] of(List<LocalDate> days, Metrics metrics) {
        double[] returns = metrics.dailyReturns();
        if (returns.length != days.size()) {
            return null;
        }
        double[] excess = new double[returns.length];
        for (int i = 0; i < returns.length; i++) {
            int k = i;
            Double now = values.get(days.get(i));
            Double before = i == 0 ? before(days.get(0)) : values.get(days.get(i - 1));
            excess[k] = now == null || before == null || before <= 0 ? Double.NaN : returns[k] - (now / before - 1);
        }
        return excess;
    }

    private Double before(LocalDate first) {
        int at = dates.indexOf(first);
        if (at < 0) {
            return null;
        }
        return at == 0 ? initialCash : values.get(dates.get(at - 1));
    }
}
