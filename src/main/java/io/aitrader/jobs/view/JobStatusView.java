package io.aitrader.jobs.view;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.aitrader.config.RulesJson;
import io.aitrader.cost.CostSum;
import io.aitrader.cost.DayCost;
import io.aitrader.cost.TokenCounts;
import io.aitrader.cost.Usd;
import io.aitrader.jobs.store.CurrentDay;
import io.aitrader.jobs.store.JobRecord;
import io.aitrader.jobs.store.ModelDay;
import io.aitrader.jobs.store.ModelDayRepository;
import io.aitrader.jobs.store.ModelDayStatus;
import io.aitrader.jobs.store.Timestamps;
import io.aitrader.prices.DownloadProgress;

/** The status object of contract 2.2, also returned for an existing job and by GET /simulate/current. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record JobStatusView(@JsonProperty("job_id") String jobId,
        @Schema(required = true, enumeration = {
                "pending", "downloading_data", "running", "completed", "partial", "failed",
                "cancelled"}) String status,
        @JsonProperty("config_path") String configPath, @JsonProperty("date_range") List<LocalDate> dateRange,
        List<String> models, Progress progress, @JsonProperty("created_at") String createdAt,
        @JsonProperty("started_at") String startedAt, @JsonProperty("updated_at") String updatedAt,
        @JsonProperty("completed_at") String completedAt,
        @JsonProperty("total_duration_seconds") Double totalDurationSeconds,
        @Schema(description = "What the job's model calls cost so far in USD: the sum over its model-days as each ends (at most 6 decimals, 0 for mock and builtin models); null when unknown: some model-day made calls without a known price or with tokens the provider did not report", nullable = true, example = "0.4821") @JsonProperty("cost_usd") BigDecimal costUsd,
        @Schema(description = "The job this replay reproduces from its recordings (trigger field replay_of); absent for a job that is no replay", nullable = true) @JsonProperty("replay_of") @JsonInclude(JsonInclude.Include.NON_NULL) String replayOf,
        @Schema(description = "The job whose orders this job applies again under other rules, calling no model (trigger field rescore_of); absent for a job that is no re-scoring", nullable = true) @JsonProperty("rescore_of") @JsonInclude(JsonInclude.Include.NON_NULL) String rescoreOf,
        @Schema(description = "The trading rules in force (contract 10): costs, shorting, limits, lots and settlement; name none for the rules of contract 4.2") Map<String, Object> rules,
        String error, List<String> warnings,
        @JsonInclude(JsonInclude.Include.NON_NULL) String message) {

    /**
     * Counts by model-day status; {@code details} is left out of job lists; {@code download} is there only while the
     * job is downloading_data.
     */
    public record Progress(@JsonProperty("total_model_days") int totalModelDays, int completed, int failed,
            int skipped, int cancelled, int running, int pending, CurrentDay current,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<Detail> details,
            @JsonInclude(JsonInclude.Include.NON_NULL) DownloadProgress download) {

        Progress withDownload(DownloadProgress progress) {
            return new Progress(totalModelDays, completed, failed, skipped, cancelled, running, pending, current,
                    details, progress);
        }
    }

    public record Detail(LocalDate date, String model, String status, @JsonProperty("started_at") String startedAt,
            @JsonProperty("completed_at") String completedAt,
            @JsonProperty("duration_seconds") Double durationSeconds, String error,
            @Schema(description = "What the model-day's calls cost in USD (at most 6 decimals), recorded when it ends: 0 for a day without calls (pending, skipped, not reached) and for mock and builtin models; null when unknown: no price is known for the model, or the provider did not report the tokens of some call", nullable = true, example = "0.0241") @JsonProperty("cost_usd") BigDecimal costUsd,
            @Schema(description = "Tokens of the model-day's calls; present once the day ended after running") @JsonInclude(JsonInclude.Include.NON_NULL) TokenCounts tokens,
            @Schema(description = "Model calls answered without the provider, for free: from the recordings of the job a replay reproduces, or from the response cache of a model with `\"cache\": true`; present when there were any", nullable = true, example = "3") @JsonProperty("served_calls") @JsonInclude(JsonInclude.Include.NON_NULL) Integer servedCalls) {

        static Detail from(ModelDay day) {
            DayCost cost = day.cost();
            return new Detail(day.date(), day.model(), day.status().wire(), day.startedAt(), day.completedAt(),
                    seconds(day.startedAt(), day.completedAt()), day.error(),
                    cost == null ? Usd.shown(BigDecimal.ZERO) : Usd.shown(cost.costUsd()),
                    cost == null ? null : TokenCounts.from(cost.tokens()),
                    cost == null || cost.servedCalls() == 0 ? null : cost.servedCalls());
        }
    }

    /** The job with its progress counts only (job lists), from {@link ModelDayRepository#countByStatus}. */
    public static JobStatusView from(JobRecord job, ModelDayRepository.Counts counts) {
        int[] n = counts.byStatus();
        Progress progress = new Progress(counts.total(), n[ModelDayStatus.COMPLETED.ordinal()],
                n[ModelDayStatus.FAILED.ordinal()], n[ModelDayStatus.SKIPPED.ordinal()],
                n[ModelDayStatus.CANCELLED.ordinal()], n[ModelDayStatus.RUNNING.ordinal()],
                n[ModelDayStatus.PENDING.ordinal()], counts.current(), null, null);
        return of(job, progress, Usd.shown(counts.costUsd()));
    }

    public static JobStatusView from(JobRecord job, List<ModelDay> days, boolean withDetails) {
        int[] counts = new int[ModelDayStatus.values().length];
        CurrentDay current = null;
        CostSum cost = new CostSum();
        for (ModelDay day : days) {
            counts[day.status().ordinal()]++;
            cost.add(day.cost());
            if (day.status() == ModelDayStatus.RUNNING && current == null) {
                current = new CurrentDay(day.date(), day.model());
            }
        }
        Progress progress = new Progress(days.size(), counts[ModelDayStatus.COMPLETED.ordinal()],
                counts[ModelDayStatus.FAILED.ordinal()], counts[ModelDayStatus.SKIPPED.ordinal()],
                counts[ModelDayStatus.CANCELLED.ordinal()], counts[ModelDayStatus.RUNNING.ordinal()],
                counts[ModelDayStatus.PENDING.ordinal()], current,
                withDetails ? days.stream().map(Detail::from).toList() : null, null);
        return of(job, progress, Usd.shown(cost.costUsd()));
    }

    private static JobStatusView of(JobRecord job, Progress progress, BigDecimal costUsd) {
        return new JobStatusView(job.jobId(), job.status().wire(), job.configPath(), job.dateRange(), job.models(),
                progress, job.createdAt(), job.startedAt(), job.updatedAt(), job.completedAt(),
                seconds(job.startedAt() != null ? job.startedAt() : job.createdAt(), job.completedAt()), costUsd,
                job.replayOf(), job.rescoreOf(), RulesJson.fields(job.rules()), job.error(), job.warnings(), null);
    }

    /** The same view with the price download's progress (the job is downloading_data). */
    public JobStatusView withDownload(DownloadProgress download) {
        return new JobStatusView(jobId, status, configPath, dateRange, models, progress.withDownload(download),
                createdAt, startedAt, updatedAt, completedAt, totalDurationSeconds, costUsd, replayOf, rescoreOf, rules,
                error,
                warnings, message);
    }

    public JobStatusView withMessage(String text) {
        return new JobStatusView(jobId, status, configPath, dateRange, models, progress, createdAt, startedAt,
                updatedAt, completedAt, totalDurationSeconds, costUsd, replayOf, rescoreOf, rules, error, warnings,
                text);
    }

    private static Double seconds(String from, String to) {
        if (from == null || to == null) {
            return null;
        }
        return (Timestamps.millis(to) - Timestamps.millis(from)) / 1000.0;
    }
}
