package io.aitrader.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;

import io.quarkus.runtime.QuarkusApplication;

/**
 * The build's training run for the class-data sharing archive (pom.xml, execution {@code app-cds}): the server starts
 * as a user starts it, answers one {@code /health}, and exits, so that {@code -XX:ArchiveClassesAtExit} stores every
 * class a start-up loads. Run with {@code -Dapp.cds-training=true} on a throw-away data directory; the README's run
 * line then maps the archive with {@code -XX:SharedArchiveFile}.
 */
public class CdsTraining implements QuarkusApplication {

    /**
     * The system property that makes {@link Main} run this instead of waiting for requests; Main removes it before
     * Quarkus reads its settings, where an unknown {@code app.*} name would be refused.
     */
    static final String PROPERTY = "app.cds-training";

    /** Before Quarkus starts: a free loopback port, so that a training run never meets another server. */
    static void configure() {
        try (ServerSocket socket = new ServerSocket(0)) {
            System.setProperty("quarkus.http.port", Integer.toString(socket.getLocalPort()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.setProperty("quarkus.http.host", "127.0.0.1");
        System.setProperty("app.schedule-cron", "off");
    }

    @Override
    public int run(String... args) throws IOException {
        URI health = URI.create("http://127.0.0.1:" + System.getProperty("quarkus.http.port") + "/health");
        HttpURLConnection conn = (HttpURLConnection) health.toURL().openConnection();
        try (InputStream body = conn.getInputStream()) {
            body.readAllBytes();
        }
        return conn.getResponseCode() == 200 ? 0 : 1;
    }
}
