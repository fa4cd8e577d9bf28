package io.aitrader.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.aitrader.testing.Await;

/**
 * A class-data archive (AppCDS) of the packaged jar for the app JVMs the ITs start, dozens per build: with it each maps
 * the classes it would otherwise load and verify, a quarter less CPU per start. The build's own archive serves when it
 * is there; otherwise (packaged with -Dapp-cds.skip) the first test JVM that launches the jar makes one on the side
 * (it starts the server once, asks /health and stops it: about one start's cost), so no test waits for it; the JVMs
 * started meanwhile run without it. An archive older than the jar is made again.
 */
final class ClassDataArchive {

    private static final Logger LOG = Logger.getLogger(ClassDataArchive.class.getName());
    private static final Path TARGET = Path.of("target").toAbsolutePath();
    private static final Path FILE = TARGET.resolve("app-cds.jsa");
    /**
     * The archive the build makes for the README's run line (pom.xml, execution app-cds): the same jar, JDK and JVM
     * flags as the ITs' apps, which start from the project root as that line does, so they map it from the first.
     */
    private static final Path BUILT = TARGET.resolve("quarkus-app").resolve("app-cds.jsa");
    /** The JVM says on stdout when it cannot use an archive (another JDK, say): the tests read stdout. */
    private static final List<String> QUIET = List.of("-Xlog:cds=off", "-Xlog:cds+dynamic=off");
    private static final Pattern LISTENING = Pattern.compile("Listening on: (http://\\S+)");

    private static boolean started;

    private ClassDataArchive() {
    }

    /** The flags that make {@code java} use the archive of {@code jar}; none while there is no such archive yet. */
    static synchronized List<String> flags(String java, Path jar) {
        boolean builtForIt = jar.toAbsolutePath().getParent().equals(BUILT.getParent()) && fresh(BUILT, jar);
        Path archive = builtForIt ? BUILT : fresh(FILE, jar) ? FILE : null;
        if (archive != null) {
            List<String> flags = new ArrayList<>(List.of("-XX:SharedArchiveFile=" + archive));
            flags.addAll(QUIET);
            return flags;
        }
        if (!started) {
            started = true;
            Thread maker = new Thread(() -> make(java, jar), "class-data-archive");
            maker.setDaemon(true);
            maker.start();
        }
        return List.of();
    }

    private static boolean fresh(Path jar) {
        return fresh(FILE, jar);
    }

    private static boolean fresh(Path archive, Path jar) {
        try (Stream<Path> files = Files.walk(jar.getParent())) {
            FileTime newest = files.filter(f -> f.toString().endsWith(".jar")).map(ClassDataArchive::modified)
                    .max(FileTime::compareTo).orElseThrow();
            return Files.isRegularFile(archive) && modified(archive).compareTo(newest) > 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** Makes the archive unless another test JVM is making it; a failure only costs the time. */
    private static void make(String java, Path jar) {
        try (FileChannel lockFile = FileChannel.open(TARGET.resolve("app-cds.lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock lock = lockFile.tryLock()) {
            if (lock == null || fresh(jar)) {
                return;
            }
            Path partial = TARGET.resolve("app-cds.jsa.part");
            Path log = TARGET.resolve("app-cds.log");
            Files.deleteIfExists(partial);
            List<String> command = new ArrayList<>(List.of(java));
            command.addAll(PackagedApp.TEST_JVM_FLAGS);
            command.addAll(List.of("-XX:ArchiveClassesAtExit=" + partial, "-jar", jar.toString()));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().keySet().removeIf(key -> key.startsWith("QUARKUS_"));
            builder.environment().remove("DATABASE_URL");
            builder.environment().putAll(Map.of("API_PORT", "0", "API_HOST", "127.0.0.1", "DATA_DIR",
                    Files.createTempDirectory(TARGET, "app-cds-data").toString(), "CONFIGS_DIR",
                    "src/test/resources/configs",
                    "DEFAULT_CONFIG_PATH", "src/test/resources/configs/default_config.json", "AUTO_DOWNLOAD_PRICE_DATA",
                    "false", "ALPHAADVANTAGE_API_KEY", ""));
            Process app = builder.start();
            Thread stopApp = new Thread(app::destroyForcibly);
            Runtime.getRuntime().addShutdownHook(stopApp); // the test JVM may end first
            boolean exited;
            try {
                String url = Await.until(Duration.ofSeconds(90), Duration.ofMillis(100), () -> listening(app, log),
                        found -> !found.isEmpty(), "the archive's app to listen");
                HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url + "/health")).build(),
                        HttpResponse.BodyHandlers.discarding());
            } finally {
                app.destroy(); // SIGTERM: the JVM writes the archive as it exits
                exited = app.waitFor(60, TimeUnit.SECONDS);
                if (!exited) {
                    app.destroyForcibly();
                }
            }
            Runtime.getRuntime().removeShutdownHook(stopApp);
            if (exited && Files.isRegularFile(partial)) {
                Files.move(partial, FILE, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                LOG.info(() -> "Class-data archive " + FILE + " made for the app JVMs");
            } else {
                LOG.warning(() -> "No class-data archive: the app did not write it, see " + log);
            }
        } catch (IOException | RuntimeException | AssertionError e) {
            LOG.warning(() -> "No class-data archive: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The app's URL once its log says it listens; empty before. */
    private static String listening(Process app, Path log) throws IOException {
        Matcher url = LISTENING.matcher(Files.readString(log));
        if (url.find()) {
            return url.group(1);
        }
        if (!app.isAlive()) {
            throw new IOException("the app exited at start-up with " + app.exitValue());
        }
        return "";
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return FileTime.fromMillis(Long.MAX_VALUE);
        }
    }
}
