package io.aitrader.results;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * The stationary bootstrap against its published properties (Politis and Romano, "The Stationary Bootstrap", Journal
 * of the American Statistical Association 89 (1994) 1303–1313): a resample is stationary with E*[X̄*] = X̄, and its
 * mean's variance is (1/n)·[Ĉ(0) + 2 Σ_{i=1}^{n−1} (1 − i/n)(1 − p)^i Ĉ(i)] with Ĉ the circular sample
 * autocovariance and p = 1/L (their section 2, the lemma on the variance of the resample mean). Checked here by
 * drawing resamples with the class's own sampler and comparing with the formula computed independently.
 */
class StationaryBootstrapTest {

    @Test
    void theBlockLengthIsTheCubeRootRoundedUp() {
        assertEquals(1, StationaryBootstrap.blockLength(1));
        assertEquals(2, StationaryBootstrap.blockLength(2));
        assertEquals(2, StationaryBootstrap.blockLength(8));
        assertEquals(3, StationaryBootstrap.blockLength(9));
        assertEquals(3, StationaryBootstrap.blockLength(27));
        assertEquals(4, StationaryBootstrap.blockLength(28));
        assertEquals(7, StationaryBootstrap.blockLength(250)); // 250^(1/3) = 6.30
        assertEquals(10, StationaryBootstrap.blockLength(1000));
    }

    @Test
    void theResampleMeanHasTheMeanAndTheVarianceOfPolitisAndRomano() {
        double[] x = autocorrelated(120, 11);
        int n = x.length;
        double p = 1.0 / StationaryBootstrap.blockLength(n);
        double mean = mean(x);
        double variance = 0;
        for (int i = 0; i < n; i++) {
            variance += (i == 0 ? 1 : 2 * (1 - (double) i / n)) * Math.pow(1 - p, i) * circularCovariance(x, i);
        }
        variance /= n;

        SplittableRandom random = new SplittableRandom(3);
        int[] index = new int[n];
        int draws = 40_000;
        double sum = 0;
        double squares = 0;
        for (int b = 0; b < draws; b++) {
            StationaryBootstrap.draw(random, p, index);
            double m = 0;
            for (int i : index) {
                m += x[i];
            }
            m /= n;
            sum += m;
            squares += m * m;
        }
        double drawnMean = sum / draws;
        double drawnVariance = squares / draws - drawnMean * drawnMean;
        assertEquals(mean, drawnMean, 4 * Math.sqrt(variance / draws), "E*[mean*] is the sample mean");
        // the sampled variance of 40,000 draws has a relative standard error of about √(2/40000) = 0.7 %
        assertEquals(1.0, drawnVariance / variance, 0.04, "Var*(mean*) as in Politis and Romano");
    }

    @Test
    void blocksRunOnFromDayToDayAndWrapRoundTheEnd() {
        int[] index = new int[2000];
        StationaryBootstrap.draw(new SplittableRandom(5), 1.0 / 7, index);
        int runs = 0;
        for (int i = 1; i < index.length; i++) {
            if (index[i] != (index[i - 1] + 1) % index.length) {
                runs++;
            }
        }
        // a new block starts with probability 1/7 (and may land on the next day by chance, 1/2000)
        assertEquals(2000 / 7.0, runs, 4 * Math.sqrt(2000 * (1 / 7.0) * (6 / 7.0)));
    }

    @Test
    void theSameSeedGivesTheSameAnswerAndAnotherSeedAnother() {
        double[] r = autocorrelated(60, 2);
        StationaryBootstrap.Uncertainty a = StationaryBootstrap.of(r, null, 0, 0);
        StationaryBootstrap.Uncertainty b = StationaryBootstrap.of(r, null, 0, 0);
        StationaryBootstrap.Uncertainty c = StationaryBootstrap.of(r, null, 0, 1);
        assertArrayEquals(a.periodReturnPct(), b.periodReturnPct());
        assertArrayEquals(a.sharpeRatio(), b.sharpeRatio());
        assertNotEquals(a.periodReturnPct()[0], c.periodReturnPct()[0]);
        assertNull(a.pValueVsBenchmark(), "no benchmark, no p-value");
    }

    @Test
    void theIntervalHoldsTheObservedFiguresAndWidensWithTheNoise() {
        double[] calm = scaled(autocorrelated(250, 4), 0.002, 0.0005);
        double[] wild = scaled(autocorrelated(250, 4), 0.02, 0.0005);
        StationaryBootstrap.Uncertainty c = StationaryBootstrap.of(calm, null, 0, 0);
        StationaryBootstrap.Uncertainty w = StationaryBootstrap.of(wild, null, 0, 0);
        double observed = (product(calm) - 1) * 100;
        assertTrue(c.periodReturnPct()[0] < observed && observed < c.periodReturnPct()[1]);
        assertTrue(w.periodReturnPct()[1] - w.periodReturnPct()[0] > 5 * (c.periodReturnPct()[1]
                - c.periodReturnPct()[0]), "ten times the noise, a much wider interval");
        assertTrue(c.sharpeRatio()[0] < c.sharpeRatio()[1]);
    }

    @Test
    void thePValueIsSmallForAClearLeadNearAHalfForNoneAndLargeForALag() {
        double[] noise = scaled(autocorrelated(250, 9), 0.01, 0);
        double[] lead = shifted(noise, 0.004);
        double[] lag = shifted(noise, -0.004);
        double[] centred = shifted(noise, -mean(noise));
        assertTrue(StationaryBootstrap.of(lead, lead, 0, 0).pValueVsBenchmark() < 0.01);
        assertTrue(StationaryBootstrap.of(lag, lag, 0, 0).pValueVsBenchmark() > 0.99);
        double none = StationaryBootstrap.of(centred, centred, 0, 0).pValueVsBenchmark();
        assertTrue(none > 0.4 && none < 0.6, "p = " + none);
    }

    @Test
    void daysWithoutABenchmarkReturnAreLeftOutOfTheExcessAndTooFewDaysGiveNothing() {
        double[] r = shifted(scaled(autocorrelated(40, 1), 0.01, 0), 0.01);
        double[] excess = r.clone();
        for (int i = 0; i < excess.length; i += 2) {
            excess[i] = Double.NaN;
        }
        assertTrue(StationaryBootstrap.of(r, excess, 0, 0).pValueVsBenchmark() < 0.05);
        assertNull(StationaryBootstrap.of(new double[]{0.01}, null, 0, 0));
    }

    @Test
    void quantilesInterpolateBetweenOrderStatistics() {
        double[] sorted = {1, 2, 3, 4, 5};
        assertEquals(1.1, StationaryBootstrap.quantile(sorted, 0.025), 1e-12); // h = 0.1
        assertEquals(4.9, StationaryBootstrap.quantile(sorted, 0.975), 1e-12); // h = 3.9
        assertEquals(3.0, StationaryBootstrap.quantile(sorted, 0.5), 1e-12);
    }

    /** An AR(1) series x_t = 0.5 x_{t−1} + e_t, e uniform in [−1, 1]: days that depend on the day before. */
    static double[] autocorrelated(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] x = new double[n];
        double previous = 0;
        for (int i = 0; i < n; i++) {
            previous = 0.5 * previous + (random.nextDouble() * 2 - 1);
            x[i] = previous;
        }
        return x;
    }

    static double[] scaled(double[] x, double scale, double drift) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = x[i] * scale + drift;
        }
        return y;
    }

    static double[] shifted(double[] x, double by) {
        return scaled(x, 1, by);
    }

    static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }

    static double circularCovariance(double[] x, int lag) {
        double m = mean(x);
        double s = 0;
        for (int j = 0; j < x.length; j++) {
            s += (x[j] - m) * (x[(j + lag) % x.length] - m);
        }
        return s / x.length;
    }

    static double product(double[] r) {
        double g = 1;
        for (double v : r) {
            g *= 1 + v;
        }
        return g;
    }
}
