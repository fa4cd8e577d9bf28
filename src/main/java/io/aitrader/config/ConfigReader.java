package io.aitrader.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.logging.Log;

/**
 * Reads a config file into a JSON tree and applies the override file (CONFIG_OVERRIDE_PATH) on top of it, one
 * top-level section at a time. Syntax problems are recorded with their line and column, never with file content.
 */
final class ConfigReader {

    static final long MAX_BYTES = 1024 * 1024;

    private final ObjectReader reader;
    private final Optional<Path> overridePath;

    ConfigReader(ObjectMapper mapper, Optional<Path> overridePath) {
        this.reader = mapper.reader().with(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        this.overridePath = overridePath.filter(p -> !p.toString().isBlank());
    }

    /** The merged tree, or null when a file could not be parsed (the problems say why). */
    ObjectNode read(Path file, List<String> problems) {
        ObjectNode config = readObject(file, "the config", problems);
        if (overridePath.isEmpty()) {
            return config;
        }
        ObjectNode override = readObject(overridePath.get(), "the override file (CONFIG_OVERRIDE_PATH)", problems);
        if (config == null || override == null) {
            return null;
        }
        override.fields().forEachRemaining(section -> config.set(section.getKey(), section.getValue().deepCopy()));
        return config;
    }

    private ObjectNode readObject(Path file, String what, List<String> problems) {
        try {
            if (Files.size(file) > MAX_BYTES) {
                problems.add(what + " is larger than " + MAX_BYTES / 1024 + " KB");
                return null;
            }
            JsonNode tree = reader.readTree(Files.readAllBytes(file));
            if (tree == null || tree.isMissingNode()) {
                problems.add(what + " is empty");
                return null;
            }
            if (!tree.isObject()) {
                problems.add(what + " must be a JSON object");
                return null;
            }
            return (ObjectNode) tree;
        } catch (JsonProcessingException e) {
            problems.add(what + " is not valid JSON" + location(e));
        } catch (NoSuchFileException e) {
            problems.add(what + " does not exist");
        } catch (IOException e) {
            Log.warnf("Cannot read config file %s: %s", file, e.getClass().getSimpleName());
            problems.add(what + " cannot be read");
        }
        return null;
    }

    static String location(JsonProcessingException e) {
        if (e.getLocation() == null || e.getLocation().getLineNr() < 0) {
            return "";
        }
        // The parser's own message can quote file content (a key, say), so only the position is reported.
        return " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
    }
}
