package io.aitrader.jobs.bundle;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.aitrader.config.SimulationConfig;
import io.aitrader.errors.ApiException;
import io.aitrader.jobs.engine.PricePreparation;
import io.aitrader.jobs.store.JobRecord;
import io.aitrader.jobs.store.JobRepository;
import io.aitrader.jobs.store.ModelCallRepository;
import io.aitrader.jobs.store.ModelDay;
import io.aitrader.jobs.store.ModelDayRepository;
import io.aitrader.jobs.store.Timestamps;
import io.aitrader.prices.PriceBar;
import io.aitrader.prices.PriceRepository;

/**
 * Exports an ended job as a run bundle ({@link BundleFormat}): its config as stored (a job never stores an API key),
 * its model-days, the price rows its days read (its universe and benchmark from the look-back before its first date
 * to its last), every recorded model call, and its results.
 */
@ApplicationScoped
public class BundleExport {

    private final JobRepository jobs;
    private final ModelDayRepository modelDays;
    private final ModelCallRepository calls;
    private final PriceRepository prices;
    private final BundleRows rows;
    private final ObjectMapper json;

    BundleExport(JobRepository jobs, ModelDayRepository modelDays, ModelCallRepository calls, PriceRepository prices,
            BundleRows rows, ObjectMapper json) {
        this.jobs = jobs;
        this.modelDays = modelDays;
        this.calls = calls;
        this.prices = prices;
        this.rows = rows;
        this.json = json;
    }

    /** The bundle; empty when there is no such job, 409 while it is still active. */
    public Optional<byte[]> export(String jobId) {
        Optional<JobRecord> found = jobs.findById(jobId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        JobRecord job = found.get();
        if (job.status().active()) {
            throw new ApiException(409, "job_not_ended", "Job " + jobId + " is still " + job.status().wire()
                    + "; export it once it has ended", Map.of("job_id", jobId));
        }
        BundleWriter out = new BundleWriter(json);
        out.line(BundleFormat.HEADER, Map.of("format", BundleFormat.FORMAT, "version", BundleFormat.VERSION,
                "job_id", jobId, "exported_at", Timestamps.now()));
        out.line(BundleFormat.JOB, jobLine(job));
        for (ModelDay day : modelDays.listByJob(jobId)) {
            out.line(BundleFormat.MODEL_DAY, BundleLines.modelDay(day));
        }
        for (PriceBar bar : priceRows(job)) {
            out.line(BundleFormat.PRICE, BundleLines.price(bar));
        }
        for (ModelCallRepository.JobCall call : calls.listByJob(jobId)) {
            out.line(BundleFormat.CALL, BundleLines.call(call));
        }
        for (Map<String, Object> result : rows.listResults(jobId)) {
            out.line(BundleFormat.RESULT, result);
        }
        return Optional.of(out.finish());
    }

    private List<PriceBar> priceRows(JobRecord job) {
        if (job.dateRange().isEmpty()) {
            return List.of();
        }
        SimulationConfig config = config(job);
        LocalDate first = job.dateRange().get(0).minusDays(PricePreparation.LOOKBACK_DAYS);
        LocalDate last = job.dateRange().get(job.dateRange().size() - 1);
        return prices.listBars(config.universeAndBenchmark(), first, last);
    }

    private Map<String, Object> jobLine(JobRecord job) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("job_id", job.jobId());
        line.put("status", job.status().wire());
        line.put("config_path", job.configPath());
        line.put("config", readTree(job.configJson()));
        line.put("date_range", job.dateRange().stream().map(LocalDate::toString).toList());
        line.put("models", job.models());
        line.put("warnings", job.warnings());
        line.put("error", job.error());
        line.put("triggered_by", job.triggeredBy());
        line.put("created_at", job.createdAt());
        line.put("started_at", job.startedAt());
        line.put("completed_at", job.completedAt());
        line.put("max_cost_usd", job.maxCostUsd());
        line.put("replay_of", job.replayOf());
        line.put("rescore_of", job.rescoreOf());
        return line;
    }

    private SimulationConfig config(JobRecord job) {
        try {
            return json.readValue(job.configJson(), SimulationConfig.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored config of job is unreadable", e);
        }
    }

    private Object readTree(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored config of job is unreadable", e);
        }
    }
}
