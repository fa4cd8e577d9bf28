package io.aitrader.prices;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import io.aitrader.config.ConfigService;
import io.aitrader.errors.ApiException;
import io.aitrader.platform.concurrent.WorkerPools;
import io.aitrader.prices.PriceSettings.PriceProvider;
import io.quarkus.logging.Log;

/**
 * Fetches a range of prices ahead of time — the default config's universe and benchmark — from the active provider,
 * within its budget and rules: what is stored already is never asked again, so a backfill stopped by a rate limit,
 * a cancel or a crash resumes where it stopped when it is started again. One runs at a time.
 */
@ApplicationScoped
public class PriceBackfill {

    /** A backfill: how it stands, and, once ended, what remains. */
    public record Run(String id, String provider, LocalDate from, LocalDate to, String status, List<String> warnings) {

        static final String RUNNING = "running";
        public static final String COMPLETED = "completed";
        static final String INCOMPLETE = "incomplete";
        static final String FAILED = "failed";
    }

    private final PriceDownloads downloads;
    private final ConfigService configs;
    private final PriceSettings settings;
    private final DownloadProgressRepository progress;
    private final WorkerPools pools;
    private final Map<String, Run> runs = new ConcurrentHashMap<>();
    private ExecutorService worker;

    PriceBackfill(PriceDownloads downloads, ConfigService configs, PriceSettings settings,
            DownloadProgressRepository progress, WorkerPools pools) {
        this.downloads = downloads;
        this.configs = configs;
        this.settings = settings;
        this.progress = progress;
        this.pools = pools;
    }

    /** The provider a backfill would use; refused (400 no_price_provider) when none has a key. */
    public PriceProvider provider() {
        PriceProvider provider = settings.activeProvider();
        if (provider == PriceProvider.NONE) {
            throw ApiException.badRequest("no_price_provider", "No price provider can download: set MASSIVE_API_KEY "
                    + "or ALPHAADVANTAGE_API_KEY (and PRICE_PROVIDER, if not auto)");
        }
        return provider;
    }

    /** Runs a backfill in this thread (the batch command), heard by {@code run}'s listener. */
    public Run runNow(LocalDate from, LocalDate to, DownloadRun run) {
        String provider = wire(provider());
        return finished(new Run(UUID.randomUUID().toString(), provider, from, to, Run.RUNNING, List.of()),
                downloads.download(symbols(), from, to, run));
    }

    /** Starts a backfill on its own thread; refused (409) while another one runs. */
    public synchronized Run start(LocalDate from, LocalDate to) {
        String provider = wire(provider());
        Optional<Run> running = runs.values().stream().filter(r -> r.status().equals(Run.RUNNING)).findFirst();
        if (running.isPresent()) {
            throw ApiException.conflict("A price backfill is running already", Map.of("run_id", running.get().id()));
        }
        Run run = new Run(UUID.randomUUID().toString(), provider, from, to, Run.RUNNING, List.of());
        runs.put(run.id(), run);
        if (worker == null) {
            worker = pools.newPriceBackfill();
        }
        worker.execute(() -> {
            try {
                runs.put(run.id(), finished(run, downloads.download(symbols(), from, to,
                        new DownloadRun(progress.listener(run.id()), new StopSignal()))));
            } catch (RuntimeException e) {
                Log.errorf("Price backfill %s failed: %s", run.id(), e.getMessage());
                runs.put(run.id(), new Run(run.id(), provider, from, to, Run.FAILED,
                        List.of("the backfill failed: " + e.getClass().getSimpleName())));
            }
        });
        return run;
    }

    public Optional<Run> find(String id) {
        return Optional.ofNullable(runs.get(id));
    }

    private static Run finished(Run run, Optional<DownloadEvidence> evidence) {
        List<String> warnings = evidence.map(DownloadEvidence::warnings).orElse(List.of());
        return new Run(run.id(), run.provider(), run.from(), run.to(),
                warnings.isEmpty() ? Run.COMPLETED : Run.INCOMPLETE, new ArrayList<>(warnings));
    }

    private List<String> symbols() {
        return List.copyOf(configs.defaultConfig().universeAndBenchmark());
    }

    private static String wire(PriceProvider provider) {
        return provider == PriceProvider.MASSIVE ? "massive" : "alpha_vantage";
    }

    @PreDestroy
    void stop() {
        if (worker != null) {
            worker.shutdownNow();
        }
    }
}
