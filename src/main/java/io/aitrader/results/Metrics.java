package io.aitrader.results;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;

/**
 * Period metrics of one value series (contract 2.5), pure arithmetic. The series is a starting value (before the
 * first day) followed by one ending value per trading day; the formulas are the ones stated in the OpenAPI
 * description of GET /performance.
 *
 * @param periodReturnPct (end / start − 1) · 100; null when start ≤ 0
 * @param annualizedReturnPct ((end / start)^(365 / calendarDays) − 1) · 100; null when undefined or not finite
 * @param volatilityPct sample standard deviation of the daily returns · √252 · 100; null with fewer than two returns
 * @param sharpeRatio (mean daily return − riskFree / 252) / standard deviation · √252; null when the deviation is 0
 * @param maxDrawdownPct the deepest fall from a running peak, (trough / peak − 1) · 100, 0 or negative
 * @param peakDate the date of that peak (the first day when the peak is the starting value); null without a fall
 * @param troughDate the date of the trough; null without a fall
 * @param tradingDays the number of daily values
 * @param calendarDays days from the first to the last date, both included
 * @param sortinoRatio (mean daily return − riskFree / 252) / √(mean of min(0, r − riskFree / 252)²) · √252 over all
 *        daily returns; null without a return below the risk-free rate
 * @param calmarRatio annualizedReturnPct / |maxDrawdownPct|; null when either is 0 or undefined
 * @param winRatePct the share of daily returns above 0, · 100; null without daily returns
 * @param dailyReturns the daily returns the ratios come from (for the bootstrap)
 */
public record Metrics(double startValue, double endValue, Double periodReturnPct, Double annualizedReturnPct,
        Double volatilityPct, Double sharpeRatio, double maxDrawdownPct, LocalDate peakDate, LocalDate troughDate,
        int tradingDays, long calendarDays, Double sortinoRatio, Double calmarRatio, Double winRatePct,
        double[] dailyReturns) {

    static final int TRADING_DAYS_PER_YEAR = 252;
    static final double DAYS_PER_YEAR = 365.0;

    /**
     * @param start the value before the first day (the previous ending value, or the initial cash)
     * @param dates the trading days, ascending, one per value
     * @param values the ending value of each day
     * @param riskFreeRatePct the annual risk-free rate in percent
     */
    public static Metrics of(double start, List<LocalDate> dates, double[] values, double riskFreeRatePct) {
        if (values.length == 0 || values.length != dates.size()) {
            throw new IllegalArgumentException("one value per date, at least one");
        }
        int n = values.length;
        double end = values[n - 1];
        long calendarDays = ChronoUnit.DAYS.between(dates.get(0), dates.get(n - 1)) + 1;
        Double periodReturn = start > 0 ? (end / start - 1) * 100 : null;
        Double annualized = start > 0 && end >= 0
                ? finite((Math.pow(end / start, DAYS_PER_YEAR / calendarDays) - 1) * 100)
                : null;

        double[] returns = dailyReturns(start, values);
        double dailyRiskFree = riskFreeRatePct / 100 / TRADING_DAYS_PER_YEAR;
        Double volatility = null;
        Double sharpe = null;
        if (returns.length >= 2) {
            double mean = mean(returns);
            double deviation = sampleDeviation(returns, mean);
            volatility = deviation * Math.sqrt(TRADING_DAYS_PER_YEAR) * 100;
            if (deviation > 0) {
                sharpe = (mean - dailyRiskFree) / deviation * Math.sqrt(TRADING_DAYS_PER_YEAR);
            }
        }

        double peak = start;
        LocalDate peakAt = dates.get(0);
        double worst = 0;
        LocalDate worstPeak = null;
        LocalDate worstTrough = null;
        for (int i = 0; i < n; i++) {
            if (values[i] > peak) {
                peak = values[i];
                peakAt = dates.get(i);
            } else if (peak > 0) {
                double drawdown = values[i] / peak - 1;
                if (drawdown < worst) {
                    worst = drawdown;
                    worstPeak = peakAt;
                    worstTrough = dates.get(i);
                }
            }
        }
        Double calmar = annualized == null || worst == 0 ? null : finite(annualized / Math.abs(worst * 100));
        return new Metrics(start, end, periodReturn, annualized, finite(volatility), finite(sharpe), worst * 100,
                worstPeak, worstTrough, n, calendarDays, sortino(returns, dailyRiskFree), calmar, winRate(returns),
                returns);
    }

    /** Excess over the daily risk-free rate, over the root mean square of its negative parts, annualized. */
    static Double sortino(double[] returns, double dailyRiskFree) {
        if (returns.length == 0) {
            return null;
        }
        double excess = 0;
        double downside = 0;
        for (double r : returns) {
            double x = r - dailyRiskFree;
            excess += x;
            downside += x < 0 ? x * x : 0;
        }
        if (downside == 0) {
            return null;
        }
        double rms = Math.sqrt(downside / returns.length);
        return finite(excess / returns.length / rms * Math.sqrt(TRADING_DAYS_PER_YEAR));
    }

    static Double winRate(double[] returns) {
        if (returns.length == 0) {
            return null;
        }
        int wins = 0;
        for (double r : returns) {
            wins += r > 0 ? 1 : 0;
        }
        return 100.0 * wins / returns.length;
    }

    /** values[i] / values[i − 1] − 1, the first against {@code start}; a day after a value ≤ 0 has no return. */
    static double[] dailyReturns(double start, double[] values) {
        double[] returns = new double[values.length];
        int count = 0;
        double previous = start;
        for (double value : values) {
            if (previous > 0) {
                returns[count++] = value / previous - 1;
            }
            previous = value;
        }
        return Arrays.copyOf(returns, count);
    }

    private static double mean(double[] xs) {
        double sum = 0;
        for (double x : xs) {
            sum += x;
        }
        return sum / xs.length;
    }

    private static double sampleDeviation(double[] xs, double mean) {
        double squares = 0;
        for (double x : xs) {
            squares += (x - mean) * (x - mean);
        }
        return Math.sqrt(squares / (xs.length - 1));
    }

    private static Double finite(Double value) {
        return value == null || Double.isNaN(value) || Double.isInfinite(value) ? null : value;
    }
}
