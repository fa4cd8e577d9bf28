package io.aitrader.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * Runs the packaged application as a separate process, as a user would: the JVM jar, or the native executable when
 * the build made one (target/quarkus-artifact.properties says which).
 */
public final class PackagedApp {

    /** What a run printed and returned. */
    public record Run(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
        }
    }

    private static final Path TARGET = Path.of("target").toAbsolutePath();

    private PackagedApp() {
    }

    public static Run run(Map<String, String> environment, String... args) {
        return run(environment, List.of(), args);
    }

    /** As {@link #run(Map, String...)}, with system properties such as {@code -Duser.language=tr} for the process. */
    public static Run run(Map<String, String> environment, List<String> systemProperties, String... args) {
        List<String> command = launcher(systemProperties);
        command.addAll(List.of(args));
        try {
            Path out = Files.createTempFile(TARGET, "cli-out", ".txt");
            Path err = Files.createTempFile(TARGET, "cli-err", ".txt");
            ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile())
                    .redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null")
                            .toFile()));
            builder.environment().keySet().removeIf(key -> key.startsWith("QUARKUS_"));
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(3, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                fail("the command did not end within 3 minutes: " + command + "\n" + Files.readString(err));
            }
            Run run = new Run(process.exitValue(), Files.readString(out), Files.readString(err));
            Files.delete(out);
            Files.delete(err);
            return run;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The native executable when the build produced one, else {@code java -jar} on the fast-jar. */
    public static List<String> launcher() {
        Path artifact = TARGET.resolve("quarkus-artifact.properties");
        assertTrue(Files.isRegularFile(artifact), "package the application first (./mvnw verify runs this test)");
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(artifact)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path path = TARGET.resolve(properties.getProperty("path"));
        if ("native".equals(properties.getProperty("type"))) {
            return List.of(path.toString());
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(TEST_JVM_FLAGS);
        command.addAll(ClassDataArchive.flags(java, path));
        command.addAll(List.of("-jar", path.toString()));
        return List.copyOf(command);
    }

    /**
     * The suite starts dozens of app JVMs on a small machine, each for seconds: the C1 compiler alone and the serial
     * collector spend less CPU on their start-up than the JIT's and G1's full machinery; what the app does is the same.
     */
    static final List<String> TEST_JVM_FLAGS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    /**
     * The launcher with {@code -Dkey=value} system properties: before {@code -jar} for the JVM, after the executable
     * for a native one (which reads them at run time). A mutable list.
     */
    public static List<String> launcher(List<String> systemProperties) {
        List<String> command = new ArrayList<>(launcher());
        command.addAll(1, systemProperties);
        return command;
    }
}
