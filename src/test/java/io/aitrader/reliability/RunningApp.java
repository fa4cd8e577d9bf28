package io.aitrader.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.aitrader.cli.PackagedApp;
import io.aitrader.testing.Await;
import io.aitrader.testing.Jobs;

/**
 * The packaged server (the jar, or the native executable when the build made one) running as a separate process on a
 * free port, with its own data directory and the test configs, for tests that kill it, restart it or own its whole
 * database.
 */
public final class RunningApp implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final int port;
    private final Path log;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private RunningApp(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    public static RunningApp start(Path dataDir) {
        return start(dataDir, Map.of());
    }

    /** Starts the app on {@code dataDir} and waits until /health answers (200 or 503); {@code env} adds variables. */
    public static RunningApp start(Path dataDir, Map<String, String> env) {
        return start(dataDir, env, List.of());
    }

    /** As {@link #start(Path, Map)}, with system properties such as {@code -Duser.language=tr} for the process. */
    public static RunningApp start(Path dataDir, Map<String, String> env, List<String> systemProperties) {
        for (int attempt = 1;; attempt++) {
            try {
                return startOnFreePort(dataDir, env, systemProperties);
            } catch (PortTaken e) {
                if (attempt == 3) {
                    throw new AssertionError("three ports in a row were taken by other apps", e);
                }
            }
        }
    }

    /** The port found free was bound by another process before the app could bind it. */
    private static final class PortTaken extends RuntimeException {
        PortTaken(String message) {
            super(message);
        }
    }

    private static RunningApp startOnFreePort(Path dataDir, Map<String, String> env, List<String> systemProperties) {
        try {
            Files.createDirectories(dataDir);
            int port = freePort();
            List<String> command = PackagedApp.launcher(systemProperties);
            if (command.get(0).endsWith("java")) {
                command.add(1, "-Xmx512m");
            }
            Path log = dataDir.resolveSibling(dataDir.getFileName() + "-app-" + System.nanoTime() + ".log");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().keySet().removeIf(key -> key.startsWith("QUARKUS_"));
            builder.environment().remove("ALPHAADVANTAGE_API_KEY");
            builder.environment().remove("DATABASE_URL"); // SQLite unless the test asks for PostgreSQL
            builder.environment().putAll(Map.of("API_PORT", String.valueOf(port), "API_HOST", "127.0.0.1",
                    "DATA_DIR", dataDir.toString(), "CONFIGS_DIR", "src/test/resources/configs",
                    "DEFAULT_CONFIG_PATH", "src/test/resources/configs/default_config.json",
                    "AUTO_DOWNLOAD_PRICE_DATA", "false"));
            builder.environment().putAll(env);
            RunningApp app = new RunningApp(builder.start(), port, log);
            app.awaitListening();
            return app;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitListening() {
        try {
            Await.until(Duration.ofSeconds(90), Duration.ofMillis(100), this::listening, "the app to answer /health");
        } catch (AssertionError e) {
            process.destroyForcibly();
            throw new AssertionError(e.getMessage() + ":\n" + log(), e);
        } catch (PortTaken e) {
            process.destroyForcibly();
            throw e;
        }
    }

    /**
     * Its own log says it listens on its port, then /health answers. The log first: ITs run side by side, and a port
     * found free can be taken by another test's app before this one binds it; /health alone would then answer for
     * the other app (this one exits with "Port already bound").
     */
    private boolean listening() {
        if (!process.isAlive()) {
            String log = log();
            if (log.contains("Port already bound") || log.contains("Address already in use")) {
                throw new PortTaken("port " + port + " was taken:\n" + log);
            }
            throw new AssertionError("the app exited at start-up");
        }
        if (!log().contains("Listening on: http://127.0.0.1:" + port)) {
            return false;
        }
        try {
            int status = get("/health").statusCode();
            return status == 200 || status == 503;
        } catch (IOException e) {
            return false; // not listening yet
        }
    }

    public HttpResponse<String> get(String path) throws IOException {
        return send(request(path).GET());
    }

    public HttpResponse<String> post(String path, String json) throws IOException {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(60));
    }

    public HttpResponse<String> send(HttpRequest.Builder request) throws IOException {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    public int port() {
        return port;
    }

    /** Triggers a job and returns its id; fails unless the answer is 202. */
    public String trigger(String body) throws IOException {
        HttpResponse<String> response = post("/simulate/trigger", body);
        if (response.statusCode() != 202) {
            throw new AssertionError("trigger answered " + response.statusCode() + ": " + response.body());
        }
        return json(response.body()).path("job_id").asText();
    }

    public JsonNode status(String jobId) throws IOException {
        return json(statusText(jobId));
    }

    private String statusText(String jobId) throws IOException {
        HttpResponse<String> response = get("/simulate/status/" + jobId);
        if (response.statusCode() != 200) {
            throw new AssertionError("status answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    /** Polls until the job has at least {@code completed} completed model-days. */
    public JsonNode awaitCompleted(String jobId, int completed, Duration within) {
        return Await.until(within, Duration.ofMillis(20), () -> status(jobId), status -> {
            if (status.path("progress").path("completed").asInt() >= completed) {
                return true;
            }
            if (Jobs.ended(status.path("status").asText())) {
                throw new AssertionError("the job ended before " + completed + " completed model-days: " + status);
            }
            return false;
        }, completed + " model-days of job " + jobId + " to complete");
    }

    /** Polls until the job ends and returns its status object. */
    public JsonNode awaitEnd(String jobId, Duration within) {
        return json(Jobs.awaitEnd(jobId, within, () -> statusText(jobId)));
    }

    /** Polls until the job's status is {@code wanted} and returns its status object. */
    public JsonNode awaitStatus(String jobId, String wanted, Duration within) {
        return Await.until(within, Duration.ofMillis(100), () -> status(jobId),
                status -> status.path("status").asText().equals(wanted), "job " + jobId + " to be " + wanted);
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed or checkpointed. */
    public void kill() {
        process.destroyForcibly();
        waitFor();
    }

    /** SIGTERM: the graceful shutdown. */
    public void stop() {
        process.destroy();
        waitFor();
    }

    private void waitFor() {
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public boolean alive() {
        return process.isAlive();
    }

    public String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    public Path logFile() {
        return log;
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            stop();
        }
    }

    public static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
