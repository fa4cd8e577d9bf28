package io.aitrader.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.aitrader.platform.RawHttp;

/**
 * The bad-input suite against the packaged app: a corpus of more than 200 malformed requests ({@link BadRequests})
 * sent to an idle app whose database holds a finished job. Every answer must be a 4xx in the contract's error shape
 * without internals, and the database must be byte-for-byte unchanged: the WAL is checkpointed (and emptied) first,
 * so any write by the app would show in the files' checksums.
 */
class BadInputIT {

    private static final Logger LOG = Logger.getLogger(BadInputIT.class.getName());

    static final String SEED = """
            {"start_date": "2025-06-02", "end_date": "2025-06-04"}""";

    @Test
    void everyMalformedRequestIsAClear4xxAndTheDatabaseStaysByteForByteUnchanged() throws Exception {
        Path data = Files.createTempDirectory("bad-input").resolve("data");
        try (RunningApp app = RunningApp.start(data)) {
            String jobId = app.trigger(SEED);
            assertEquals("completed", app.awaitEnd(jobId, Duration.ofMinutes(1)).path("status").asText());

            LedgerDump.checkpoint(data);
            String filesBefore = LedgerDump.fileChecksums(data);
            Map<String, List<String>> rowsBefore = LedgerDump.everything(data);

            List<BadRequests.Bad> corpus = BadRequests.corpus(jobId);
            List<String> problems = new ArrayList<>();
            for (BadRequests.Bad bad : corpus) {
                check(bad, send(app, bad), problems);
            }
            int chunked = chunkedOversizedBody(app, problems);
            int protocol = protocolLevel(app, problems);
            int tried = corpus.size() + chunked + protocol;
            LOG.info(() -> "Bad-input suite: " + tried + " malformed requests, " + problems.size() + " wrong answers");

            assertTrue(problems.isEmpty(), problems.size() + " of " + tried + " answers were wrong:\n"
                    + String.join("\n", problems));
            assertTrue(tried >= 200, "the corpus has " + tried + " requests");
            assertEquals(rowsBefore, LedgerDump.everything(data), "no row changed");
            assertEquals(filesBefore, LedgerDump.fileChecksums(data), "jobs.db and its WAL are byte-for-byte equal");
            String log = app.log();
            assertTrue(!log.contains("Unexpected failure") && !log.contains("Exception in thread"),
                    "no request reached the catch-all mapper:\n" + log);
        }
    }

    private static HttpResponse<String> send(RunningApp app, BadRequests.Bad bad) throws IOException {
        HttpRequest.Builder request = app.request(bad.path());
        if (bad.contentType() != null) {
            request.header("Content-Type", bad.contentType());
        }
        HttpRequest.BodyPublisher body = bad.body() == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(bad.body());
        return app.send(request.method(bad.method(), body));
    }

    private static void check(BadRequests.Bad bad, HttpResponse<String> response, List<String> problems) {
        int status = response.statusCode();
        String body = response.body();
        String where = bad.describe() + " → " + status + " " + clip(body);
        if (status < 400 || status >= 500) {
            problems.add("not a 4xx: " + where);
            return;
        }
        if (!response.headers().firstValue("Content-Type").orElse("").startsWith("application/json")) {
            problems.add("not JSON: " + where);
            return;
        }
        JsonNode error = RunningApp.json(body);
        if (!error.path("error").asText().matches("[a-z]+(_[a-z]+)*") || error.path("message").asText().isBlank()) {
            problems.add("not the error shape: " + where);
        }
        if (body.contains("Exception") || body.contains("java.") || body.contains("at io.")
                || body.contains("SQLITE") || body.contains("org.sqlite")) {
            problems.add("leaks internals: " + where);
        }
        if (body.length() > 20_000) {
            problems.add("echoes too much (" + body.length() + " chars): " + bad.describe());
        }
    }

    /** A 70 MB body without a declared length: Quarkus' streaming limit or the JSON parser stops it. */
    private static int chunkedOversizedBody(RunningApp app, List<String> problems) throws IOException {
        byte[] spaces = new byte[70 * 1024 * 1024];
        java.util.Arrays.fill(spaces, (byte) ' ');
        spaces[0] = '{';
        HttpRequest.Builder request = app.request(BadRequests.TRIGGER).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(spaces)));
        BadRequests.Bad bad = new BadRequests.Bad("POST", BadRequests.TRIGGER + " (chunked)", "application/json",
                new byte[0]);
        try {
            check(bad, app.send(request), problems);
        } catch (IOException e) {
            problems.add("connection failed instead of an answer: " + bad.describe() + ": " + e);
        }
        return 1;
    }

    /**
     * Requests refused before any application code runs. An over-long request line or header block is answered by
     * the service's own first route in the error shape; what the HTTP codec cannot decode at all (a malformed
     * Content-Length, a garbage request line) still gets Vert.x' empty 400 and a closed connection, since Quarkus
     * offers no hook before it.
     */
    private static int protocolLevel(RunningApp app, List<String> problems) throws IOException {
        Map<String, Boolean> raw = new LinkedHashMap<>(); // request → answered in the error shape
        raw.put("GET /results?date=" + "9".repeat(10_000) + " HTTP/1.1\r\nHost: x\r\n\r\n", true);
        raw.put("GET /health HTTP/1.1\r\nHost: x\r\nX-Big: " + "b".repeat(40_000) + "\r\n\r\n", true);
        raw.put("GET /health HTTP/1.1\r\nConnection: close\r\n\r\n", true);
        raw.put("POST /simulate/trigger HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                + "Content-Length: abc\r\n\r\n{}", false);
        raw.put("HELLO THERE\r\n\r\n", false);
        for (Map.Entry<String, Boolean> request : raw.entrySet()) {
            RawHttp.Answer answer = RawHttp.send(app.port(), request.getKey());
            String where = clip(request.getKey()) + " → " + answer;
            if (answer.status() < 400 || answer.status() >= 500) {
                problems.add("protocol-level request not a 4xx: " + where);
            } else if (request.getValue() && !String.valueOf(answer.header("Content-Type")).startsWith(
                    "application/json")) {
                problems.add("protocol-level refusal not in the error shape: " + where);
            } else if (request.getValue() && !RunningApp.json(answer.body()).path("error").asText()
                    .matches("[a-z]+(_[a-z]+)*")) {
                problems.add("protocol-level refusal not in the error shape: " + where);
            }
        }
        return raw.size();
    }

    private static String clip(String text) {
        String flat = text.replaceAll("\\s+", " ");
        return flat.length() > 160 ? flat.substring(0, 160) + "…" : flat;
    }
}
