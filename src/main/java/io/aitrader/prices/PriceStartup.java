package io.aitrader.prices;

import java.util.Collection;
import java.util.List;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.aitrader.config.ConfigService;
import io.aitrader.config.ProcessSettings;
import io.aitrader.config.SimulationConfig;
import io.aitrader.platform.database.StartupOrder;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;

/**
 * At startup: imports every new file of DATA_DIR/prices, then, when the store is still empty and no price provider key
 * is set, fills it as OFFLINE_PRICES says so the service works offline: the shipped real sample (default), or
 * synthetic prices for the default universe and benchmark. In batch mode only {@code simulate} seeds them.
 */
@ApplicationScoped
public class PriceStartup {

    private final PriceImportService importService;
    private final PriceRepository repository;
    private final SyntheticPrices synthetic;
    private final ProcessSettings process;
    private final PriceSettings settings;
    private final ConfigService configService;

    @Inject
    public PriceStartup(PriceImportService importService, PriceRepository repository, SyntheticPrices synthetic,
            ProcessSettings process, PriceSettings settings, ConfigService configService) {
        this.importService = importService;
        this.repository = repository;
        this.synthetic = synthetic;
        this.process = process;
        this.settings = settings;
        this.configService = configService;
    }

    void onStart(@Observes @Priority(StartupOrder.PRICES) StartupEvent event) {
        try {
            FolderImport scan = importService.importFolder(process.dataDir().resolve("prices"));
            Log.infof("Price folder scanned: %d files imported, %d already imported, %d refused",
                    scan.imported().size(), scan.skipped().size(), scan.failed().size());
            if (!process.commandMode()) {
                seedOfflineIfEmpty(); // a command seeds only when it runs a simulation: import-prices never needs it
            }
        } catch (RuntimeException e) {
            // Prices can still be imported or downloaded later; the server stays up.
            Log.errorf("Price data preparation failed: %s", e.getMessage());
        }
    }

    /** Fills an empty store as OFFLINE_PRICES says when no price provider key is set; true when it did. */
    public boolean seedOfflineIfEmpty() {
        return switch (settings.offlinePrices()) {
            case SAMPLE -> seedSampleIfEmpty();
            case SYNTHETIC -> seedSyntheticIfEmpty();
            case NONE -> false;
        };
    }

    /** Imports the shipped sample (and synthetic days after it) when the store is empty and no key is set. */
    public boolean seedSampleIfEmpty() {
        return syntheticAllowed() && importService.importSampleIfEmpty(synthetic::continuing);
    }

    /** Generates synthetic prices when the store is empty and no price provider key is set; true when it did. */
    public boolean seedSyntheticIfEmpty() {
        if (!syntheticAllowed()) {
            return false;
        }
        SimulationConfig config;
        try {
            config = configService.defaultConfig();
        } catch (RuntimeException e) {
            Log.warnf("No synthetic prices generated: the default config could not be read (%s)", e.getMessage());
            return false;
        }
        return seedSyntheticIfEmpty(config.universeAndBenchmark());
    }

    /** As {@link #seedSyntheticIfEmpty()}, for the given universe (benchmark included). */
    public boolean seedSyntheticIfEmpty(Collection<String> universe) {
        if (!syntheticAllowed() || universe.isEmpty()) {
            return false;
        }
        long start = System.nanoTime();
        List<PriceBar> bars = synthetic.generate(universe);
        boolean seeded = repository.persistIfEmpty(bars);
        if (seeded) {
            Log.infof("No price data and no price provider key: generated %d SYNTHETIC price rows for %d symbols "
                    + "(2025) in %d ms; import or download real prices to replace them", bars.size(),
                    universe.size(), (System.nanoTime() - start) / 1_000_000);
        }
        return seeded;
    }

    private boolean syntheticAllowed() {
        return settings.activeProvider() == PriceSettings.PriceProvider.NONE && repository.count() == 0;
    }
}
