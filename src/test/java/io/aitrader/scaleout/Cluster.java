package io.aitrader.scaleout;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.aitrader.reliability.RunningApp;

/** Several packaged-app instances (separate processes) on one PostgreSQL database, each with its own data dir. */
final class Cluster implements AutoCloseable {

    private final List<RunningApp> instances = new ArrayList<>();

    /** Starts {@code size} instances named node-1 … node-N; {@code env} adds settings to every one. */
    static Cluster start(int size, String databaseUrl, Map<String, String> env) throws IOException {
        Cluster cluster = new Cluster();
        Path root = Files.createTempDirectory("scale-out");
        for (int i = 1; i <= size; i++) {
            Map<String, String> own = new HashMap<>(env);
            own.put("DATABASE_URL", databaseUrl);
            own.put("INSTANCE_ID", "node-" + i);
            cluster.instances.add(RunningApp.start(root.resolve("node-" + i), own));
        }
        return cluster;
    }

    /** The index of the instance a lease owner names ({@code node-2-3f9c0a2e} → 1). */
    static int indexOf(String leaseOwner) {
        return Integer.parseInt(leaseOwner.substring("node-".length(), leaseOwner.indexOf('-', "node-".length())))
                - 1;
    }

    RunningApp get(int index) {
        return instances.get(index);
    }

    int size() {
        return instances.size();
    }

    List<RunningApp> all() {
        return instances;
    }

    @Override
    public void close() {
        instances.forEach(RunningApp::close);
    }
}
