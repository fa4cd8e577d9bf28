package io.aitrader.cli;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.aitrader.jobs.view.JobStatusView;
import io.aitrader.results.DayResult;
import io.aitrader.results.ResultsService;

/** One line per model of a finished job, from the stored results over the job's dates (the ledger is the truth). */
@ApplicationScoped
public class RunSummary {

    /** A model's outcome: its model-days in this job, and its portfolio over the job's dates. */
    public record ModelSummary(String model, int modelDays, int completed, int failed, int notRun,
            BigDecimal startValue, BigDecimal finalValue, int trades, String firstProblem) {

        boolean allCompleted() {
            return completed == modelDays;
        }

        /** Return over the job's dates, from the value before its first stored day to the last one. */
        BigDecimal returnPct() {
            if (startValue == null || finalValue == null || startValue.signum() == 0) {
                return null;
            }
            return finalValue.subtract(startValue).multiply(BigDecimal.valueOf(100))
                    .divide(startValue, MathContext.DECIMAL64);
        }
    }

    private final ResultsService results;

    RunSummary(ResultsService results) {
        this.results = results;
    }

    public List<ModelSummary> summarise(JobStatusView job) {
        Map<String, List<DayResult>> byModel = new LinkedHashMap<>();
        job.models().forEach(model -> byModel.put(model, new ArrayList<>()));
        for (LocalDate date : job.dateRange()) {
            for (DayResult day : resultsOf(date)) {
                List<DayResult> days = byModel.get(day.model());
                if (days != null) {
                    days.add(day);
                }
            }
        }
        List<ModelSummary> rows = new ArrayList<>();
        byModel.forEach((model, days) -> rows.add(summary(model, days, job.progress().details())));
        return rows;
    }

    private List<DayResult> resultsOf(LocalDate date) {
        // empty: no model has a result that day
        return results.find(date, null, null, true).map(ResultsService.Results::results).orElse(List.of());
    }

    private static ModelSummary summary(String model, List<DayResult> days, List<JobStatusView.Detail> details) {
        int modelDays = 0;
        int completed = 0;
        int failed = 0;
        String firstProblem = null;
        for (JobStatusView.Detail detail : details) {
            if (!detail.model().equals(model)) {
                continue;
            }
            modelDays++;
            switch (detail.status()) {
                case "completed" -> completed++;
                case "failed" -> failed++;
                default -> {
                    // skipped, cancelled
                }
            }
            if (firstProblem == null && detail.error() != null) {
                firstProblem = detail.date() + " " + detail.status() + ": " + detail.error();
            }
        }
        BigDecimal start = null;
        BigDecimal end = null;
        int trades = 0;
        if (!days.isEmpty()) {
            DayResult.DailyPnl first = days.get(0).dailyPnl();
            start = first.portfolioValue().subtract(first.profit());
            end = days.get(days.size() - 1).dailyPnl().portfolioValue();
            trades = days.stream().mapToInt(d -> d.trades() == null ? 0 : d.trades().size()).sum();
        }
        return new ModelSummary(model, modelDays, completed, failed, modelDays - completed - failed, start, end,
                trades, firstProblem);
    }
}
