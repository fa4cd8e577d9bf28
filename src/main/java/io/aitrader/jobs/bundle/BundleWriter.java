package io.aitrader.jobs.bundle;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Writes a bundle's lines into gzip, hashing them as they go, and closes it with the {@code end} line. */
final class BundleWriter {

    private final ObjectMapper json;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final GZIPOutputStream out;
    private final MessageDigest digest;
    private long lines;

    BundleWriter(ObjectMapper json) {
        this.json = json;
        try {
            this.out = new GZIPOutputStream(bytes, 1 << 16);
            this.digest = MessageDigest.getInstance("SHA-256");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One line: {@code type} first, then the fields in their order. */
    void line(String type, Map<String, ?> fields) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("type", type);
        line.putAll(fields);
        byte[] text = (write(line) + "\n").getBytes(StandardCharsets.UTF_8);
        digest.update(text);
        write(text);
        lines++;
    }

    /** The whole bundle, ended by the line count and hash of everything before. */
    byte[] finish() {
        Map<String, Object> end = new LinkedHashMap<>();
        end.put("type", BundleFormat.END);
        end.put("lines", lines);
        end.put("sha256", HexFormat.of().formatHex(digest.digest()));
        write((write(end) + "\n").getBytes(StandardCharsets.UTF_8));
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private void write(byte[] text) {
        try {
            out.write(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
