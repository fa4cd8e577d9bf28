package io.aitrader.results;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Uncertainty of a model's period figures from a stationary block bootstrap of its daily returns (Politis and Romano,
 * "The Stationary Bootstrap", JASA 89(428), 1994): each resample strings together blocks of consecutive days (wrapping
 * round the end) whose lengths are geometric with mean L = ⌈n^(1/3)⌉, so the day-to-day dependence of returns is
 * kept; 10,000 resamples from a {@link SplittableRandom} seeded by the request's bootstrap_seed, so the same request
 * gives the same answer on any machine. Pure arithmetic.
 */
public final class StationaryBootstrap {

    public static final int RESAMPLES = 10_000;

    private StationaryBootstrap() {
    }

    /** ci95 bounds of period return (percent) and Sharpe ratio, and the one-sided p-value of the excess return. */
    public record Uncertainty(double[] periodReturnPct, double[] sharpeRatio, Double pValueVsBenchmark) {
    }

    /** ⌈n^(1/3)⌉, at least 1. */
    static int blockLength(int n) {
        int l = (int) Math.round(Math.cbrt(n));
        while ((long) l * l * l < n) {
            l++;
        }
        while (l > 1 && (long) (l - 1) * (l - 1) * (l - 1) >= n) {
            l--;
        }
        return Math.max(1, l);
    }

    /**
     * @param returns the model's daily returns r_i (fractions)
     * @param excess the day's r_i − b_i against the benchmark, aligned with {@code returns}; null without a benchmark
     *        (then no p-value); its NaN entries are days the benchmark has no return for, left out of the mean
     * @param riskFreeRatePct annual, in percent, as for the Sharpe ratio
     * @return null with fewer than 2 returns
     */
    public static Uncertainty of(double[] returns, double[] excess, double riskFreeRatePct, long seed) {
        int n = returns.length;
        if (n < 2) {
            return null;
        }
        double dailyRiskFree = riskFreeRatePct / 100 / Metrics.TRADING_DAYS_PER_YEAR;
        double restart = 1.0 / blockLength(n);
        SplittableRandom random = new SplittableRandom(seed);
        double[] period = new double[RESAMPLES];
        double[] sharpe = new double[RESAMPLES];
        int sharpes = 0;
        double observedExcess = excess == null ? Double.NaN : nanMean(excess);
        int extreme = 0;
        int excessResamples = 0;
        int[] index = new int[n];
        boolean paired = excess != null && !Double.isNaN(observedExcess);
        for (int b = 0; b < RESAMPLES; b++) {
            draw(random, restart, index);
            double growth = 1;
            double sum = 0;
            double squares = 0;
            double excessSum = 0;
            int excessDays = 0;
            for (int i : index) {
                double r = returns[i];
                growth *= 1 + r;
                sum += r;
                squares += r * r;
                if (paired && !Double.isNaN(excess[i])) {
                    excessSum += excess[i];
                    excessDays++;
                }
            }
            period[b] = (growth - 1) * 100;
            double mean = sum / n;
            double variance = (squares - n * mean * mean) / (n - 1);
            if (variance > 0) {
                sharpe[sharpes++] = (mean - dailyRiskFree) / Math.sqrt(variance)
                        * Math.sqrt(Metrics.TRADING_DAYS_PER_YEAR);
            }
            if (excessDays > 0) {
                excessResamples++;
                // centred at the observed mean: the resample's deviation is what chance alone gives under H0
                if (excessSum / excessDays - observedExcess >= observedExcess) {
                    extreme++;
                }
            }
        }
        Double p = excessResamples == 0 ? null : (extreme + 1.0) / (excessResamples + 1.0);
        return new Uncertainty(interval(period, RESAMPLES), sharpes < RESAMPLES / 2 ? null : interval(sharpe, sharpes),
                p);
    }

    /**
     * One resample's day indices: blocks that start at a uniform day and run on day after day (wrapping), each block's
     * length geometric with mean 1/restart — the same as starting a new block at each day with probability restart,
     * drawn with two random numbers a block instead of two a day.
     */
    static void draw(SplittableRandom random, double restart, int[] index) {
        int n = index.length;
        double logStay = Math.log(1 - restart);
        int i = 0;
        while (i < n) {
            int at = random.nextInt(n);
            int length = restart >= 1
                    ? 1
                    : 1 + (int) Math.min(n, Math.floor(Math.log(1 - random.nextDouble()) / logStay));
            for (int k = 0; k < length && i < n; k++) {
                index[i++] = at;
                at = at + 1 == n ? 0 : at + 1;
            }
        }
    }

    /** The 2.5 % and 97.5 % quantiles (linear between order statistics, R's type 7) of the first {@code m} values. */
    static double[] interval(double[] values, int m) {
        double[] sorted = Arrays.copyOf(values, m);
        Arrays.sort(sorted);
        return new double[]{quantile(sorted, 0.025), quantile(sorted, 0.975)};
    }

    static double quantile(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int low = (int) Math.floor(h);
        int high = Math.min(low + 1, sorted.length - 1);
        return sorted[low] + (h - low) * (sorted[high] - sorted[low]);
    }

    private static double nanMean(double[] xs) {
        double sum = 0;
        int k = 0;
        for (double x : xs) {
            if (!Double.isNaN(x)) {
                sum += x;
                k++;
            }
        }
        return k == 0 ? Double.NaN : sum / k;
    }
}
