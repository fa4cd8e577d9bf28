package io.aitrader.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Gives the packaged-app tests a fresh data directory of their own and the test configs; under
 * {@code @QuarkusIntegrationTest} these settings reach the launched jar or native executable as system properties.
 * One directory per test JVM: failsafe runs two at a time, and each removes its directory as it starts.
 */
public class PackagedAppData implements QuarkusTestResourceLifecycleManager {

    static final Path DATA_DIR = Path.of("target", "packaged-app-data", "jvm-" + ProcessHandle.current().pid());

    @Override
    public Map<String, String> start() {
        if (Files.exists(DATA_DIR)) {
            try (Stream<Path> files = Files.walk(DATA_DIR)) {
                files.sorted(Comparator.reverseOrder()).forEach(PackagedAppData::delete);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return Map.of("app.data-dir", DATA_DIR.toString(), "app.configs-dir", "src/test/resources/configs",
                "app.default-config", "src/test/resources/configs/default_config.json");
    }

    private static void delete(Path path) {
        try {
            Files.delete(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        // the files stay under target/ for a look after a failure
    }
}
