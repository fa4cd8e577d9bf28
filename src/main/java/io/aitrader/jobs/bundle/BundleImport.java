package io.aitrader.jobs.bundle;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.aitrader.errors.ApiException;
import io.aitrader.jobs.audit.AuditEvent;
import io.aitrader.jobs.audit.AuditRepository;
import io.aitrader.jobs.store.DayCalls;
import io.aitrader.jobs.store.JobRecord;
import io.aitrader.jobs.store.JobStatus;
import io.aitrader.jobs.store.ModelCallRepository;
import io.aitrader.platform.database.Jdbc;
import io.aitrader.platform.database.Storage;
import io.aitrader.prices.PriceRepository;
import io.aitrader.prices.StoreCounts;

/**
 * Imports a run bundle into this instance in one transaction (contract 9): the job and its model-days as recorded,
 * its recorded model calls, and the price rows this store lacks — no results: a trigger with {@code replay_of} the
 * job reproduces them. A price row that differs from the stored one is left alone and counted, since it makes the
 * replay of the days that read it diverge.
 */
@ApplicationScoped
public class BundleImport {

    static final String SELECT_JOB = "SELECT 1 FROM jobs WHERE job_id = ?";

    private final BundleRows rows;
    private final ModelCallRepository calls;
    private final PriceRepository prices;
    private final AuditRepository audit;
    private final DataSource dataSource;
    private final ObjectMapper json;

    BundleImport(BundleRows rows, ModelCallRepository calls, PriceRepository prices, AuditRepository audit,
            @Storage DataSource dataSource, ObjectMapper json) {
        this.rows = rows;
        this.calls = calls;
        this.prices = prices;
        this.audit = audit;
        this.dataSource = dataSource;
        this.json = json;
    }

    private record DayKey(String model, LocalDate date) {
    }

    /** What an import stored. */
    public record Imported(@JsonProperty("job_id") String jobId, String status,
            @Schema(description = "Model-days of the job, as recorded") @JsonProperty("model_days") int modelDays,
            @Schema(description = "Recorded model calls stored") @JsonProperty("recorded_calls") int recordedCalls,
            @Schema(description = "Price rows this store lacked and took from the bundle") @JsonProperty("prices_added") int pricesAdded,
            @Schema(description = "Price rows this store already held, equal to the bundle's") @JsonProperty("prices_already_stored") int pricesStored,
            @Schema(description = "Price rows this store holds with other values than the bundle's: kept as they are, so a replay of the days that read them diverges") @JsonProperty("prices_differing") int pricesDiffering,
            List<String> warnings, String message) {
    }

    public Imported importBundle(byte[] body, String actor) {
        BundleReader.Parsed bundle = BundleReader.read(body, json);
        JobRecord job = job(bundle.job());
        return Jdbc.inTransaction(dataSource, "Could not import the bundle", conn -> store(conn, bundle, job, actor));
    }

    private Imported store(Connection conn, BundleReader.Parsed bundle, JobRecord job, String actor)
            throws SQLException {
        if (Jdbc.find(conn, SELECT_JOB, rs -> rs.getInt(1), job.jobId()).isPresent()) {
            throw new ApiException(409, "job_exists", "Job " + job.jobId() + " is already stored here; replay it "
                    + "with replay_of", Map.of("job_id", job.jobId()));
        }
        rows.persistImported(conn, job, write(bundle.job().get("config")), write(bundle.job().get("date_range")),
                write(bundle.job().get("models")), write(job.warnings()), bundle.days());
        Map<DayKey, List<ModelCallRepository.JobCall>> byDay = bundle.calls().stream().collect(Collectors.groupingBy(
                call -> new DayKey(call.model(), call.date()), LinkedHashMap::new, Collectors.toList()));
        for (Map.Entry<DayKey, List<ModelCallRepository.JobCall>> day : byDay.entrySet()) {
            List<ModelCallRepository.JobCall> recorded = day.getValue();
            calls.persistAll(conn, job.jobId(), day.getKey().model(), day.getKey().date(), new DayCalls(
                    recorded.get(0).basemodel(), recorded.stream().map(ModelCallRepository.JobCall::call).toList()));
        }
        StoreCounts priced = prices.persistMissing(conn, bundle.prices());
        audit.persist(conn, AuditEvent.job(job.jobId(), AuditEvent.CREATED, "imported from a run bundle: "
                + bundle.days().size() + " model-days, " + bundle.calls().size() + " recorded calls", actor));
        List<String> warnings = new ArrayList<>();
        if (priced.replaced() > 0) {
            warnings.add(priced.replaced() + " price rows of the bundle differ from the ones stored here, which were "
                    + "kept: a replay of the days that read them diverges");
        }
        return new Imported(job.jobId(), job.status().wire(), bundle.days().size(), bundle.calls().size(),
                priced.inserted(), priced.unchanged(), priced.replaced(), warnings, "Imported job " + job.jobId()
                        + "; trigger {\"replay_of\": \"" + job.jobId() + "\"} to reproduce its results");
    }

    private JobRecord job(JsonNode line) {
        try {
            JobStatus status = JobStatus.fromWire(BundleLines.text(line, "status"));
            if (status.active()) {
                throw new IllegalArgumentException("its job is " + status.wire() + ": only an ended job is exported");
            }
            List<LocalDate> dates = new ArrayList<>();
            line.path("date_range").forEach(d -> dates.add(LocalDate.parse(d.asText())));
            List<String> models = new ArrayList<>();
            line.path("models").forEach(m -> models.add(m.asText()));
            List<String> warnings = new ArrayList<>();
            line.path("warnings").forEach(w -> warnings.add(w.asText()));
            if (!line.path("config").isObject()) {
                throw new IllegalArgumentException("its job has no config");
            }
            return new JobRecord(BundleLines.text(line, "job_id"), status, BundleLines.text(line, "config_path"),
                    null, dates, models, null, false, warnings, line.path("error").textValue(),
                    line.path("triggered_by").textValue(), BundleLines.text(line, "created_at"),
                    line.path("started_at").textValue(), null, line.path("completed_at").textValue(),
                    line.hasNonNull("max_cost_usd") ? new BigDecimal(line.get("max_cost_usd").asText()) : null,
                    line.path("replay_of").textValue(), line.path("rescore_of").textValue(), null);
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            throw ApiException.badRequest("invalid_bundle", "The bundle is refused, nothing was imported: "
                    + e.getMessage());
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
