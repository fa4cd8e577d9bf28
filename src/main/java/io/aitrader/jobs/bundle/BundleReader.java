package io.aitrader.jobs.bundle;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.aitrader.agent.CallRecording;
import io.aitrader.errors.ApiException;
import io.aitrader.jobs.store.ModelCallRepository;
import io.aitrader.jobs.store.ModelDay;
import io.aitrader.prices.PriceBar;

/**
 * Reads and checks a bundle before anything is stored: gzip, one JSON object per line, the header's format and
 * version, the end line's count and SHA-256 over every line before it, and each recorded call's request hash. Any
 * fault refuses the whole bundle (400 {@code invalid_bundle}, or {@code unsupported_bundle_version}).
 */
final class BundleReader {

    /** Decompressed, a bundle may be this large at most: a 64 MB body must not unpack into all memory. */
    static final long MAX_UNPACKED_BYTES = 512L * 1024 * 1024;

    /** A checked bundle's content. */
    record Parsed(JsonNode job, List<ModelDay> days, List<PriceBar> prices, List<ModelCallRepository.JobCall> calls,
            int results) {
    }

    private BundleReader() {
    }

    static Parsed read(byte[] body, ObjectMapper json) {
        byte[] text = unpack(body);
        List<JsonNode> lines = new ArrayList<>();
        MessageDigest digest = sha256();
        int start = 0;
        JsonNode end = null;
        for (int i = 0; i < text.length; i++) {
            if (text[i] != '\n') {
                continue;
            }
            JsonNode line = parse(json, text, start, i, lines.size() + 1);
            if (end != null) {
                throw refused("there are lines after the end line");
            }
            if (BundleFormat.END.equals(line.path("type").asText())) {
                end = line;
            } else {
                digest.update(text, start, i + 1 - start);
                lines.add(line);
            }
            start = i + 1;
        }
        if (start != text.length || end == null) {
            throw refused("it is truncated: it does not close with its end line");
        }
        if (end.path("lines").asLong(-1) != lines.size()
                || !HexFormat.of().formatHex(digest.digest()).equals(end.path("sha256").asText())) {
            throw refused("its content does not match the SHA-256 and line count of its end line: it was changed "
                    + "or cut after it was exported");
        }
        return contents(lines);
    }

    private static Parsed contents(List<JsonNode> lines) {
        if (lines.isEmpty() || !BundleFormat.HEADER.equals(lines.get(0).path("type").asText())
                || !BundleFormat.FORMAT.equals(lines.get(0).path("format").asText())) {
            throw refused("it does not start with the header of an " + BundleFormat.FORMAT);
        }
        JsonNode header = lines.get(0);
        if (header.path("version").asInt(-1) != BundleFormat.VERSION) {
            throw ApiException.badRequest("unsupported_bundle_version", "This service reads bundles of version "
                    + BundleFormat.VERSION + ", not " + header.path("version").asText("?"));
        }
        String jobId = header.path("job_id").asText("");
        JsonNode job = null;
        List<ModelDay> days = new ArrayList<>();
        List<PriceBar> prices = new ArrayList<>();
        List<ModelCallRepository.JobCall> calls = new ArrayList<>();
        int results = 0;
        try {
            for (JsonNode line : lines.subList(1, lines.size())) {
                switch (line.path("type").asText()) {
                    case BundleFormat.JOB -> {
                        if (job != null || !jobId.equals(line.path("job_id").asText())) {
                            throw refused("it must hold exactly one job, the header's");
                        }
                        job = line;
                    }
                    case BundleFormat.MODEL_DAY -> days.add(BundleLines.modelDay(line, jobId));
                    case BundleFormat.PRICE -> prices.add(BundleLines.price(line));
                    case BundleFormat.CALL -> calls.add(checked(BundleLines.call(line)));
                    case BundleFormat.RESULT -> results++;
                    default -> throw refused("it has a line of unknown type '" + line.path("type").asText() + "'");
                }
            }
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            throw refused(e.getMessage());
        }
        if (job == null) {
            throw refused("it holds no job");
        }
        return new Parsed(job, days, prices, calls, results);
    }

    private static ModelCallRepository.JobCall checked(ModelCallRepository.JobCall call) {
        if (!CallRecording.sha256(call.call().request()).equals(call.call().requestHash())) {
            throw refused("the recorded call " + call.model() + " " + call.date() + " step " + call.call().step()
                    + " does not match its request_hash");
        }
        return call;
    }

    private static byte[] unpack(byte[] body) {
        if (body == null || body.length == 0) {
            throw refused("the body is empty; send the bundle file (application/gzip)");
        }
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(body.length * 4);
            byte[] buffer = new byte[1 << 16];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                out.write(buffer, 0, n);
                if (out.size() > MAX_UNPACKED_BYTES) {
                    throw refused("it unpacks to more than " + MAX_UNPACKED_BYTES / (1024 * 1024) + " MB");
                }
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw refused("it is not a complete gzip file");
        }
    }

    private static JsonNode parse(ObjectMapper json, byte[] text, int from, int to, int number) {
        try {
            JsonNode line = json.readTree(new String(text, from, to - from, StandardCharsets.UTF_8));
            if (line == null || !line.isObject() || !line.path("type").isTextual()) {
                throw refused("line " + number + " is not a JSON object with a type");
            }
            return line;
        } catch (JsonProcessingException e) {
            throw refused("line " + number + " is not valid JSON");
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ApiException refused(String reason) {
        return ApiException.badRequest("invalid_bundle", "The bundle is refused, nothing was imported: " + reason);
    }
}
