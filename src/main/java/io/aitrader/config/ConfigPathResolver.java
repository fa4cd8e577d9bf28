package io.aitrader.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.aitrader.errors.ApiException;

/**
 * Confines a user-supplied config_path to the configs directory (contract 2.1). The path is taken as the seed
 * writes it ({@code configs/default_config.json}, relative to the working directory); a leading {@code configs/}
 * also maps onto CONFIGS_DIR wherever it lives, and a bare file name is looked up in CONFIGS_DIR. Every candidate
 * is normalized and has its symlinks resolved before the containment check.
 */
public final class ConfigPathResolver {

    static final int MAX_LENGTH = 512;
    private static final String SEED_DIR = "configs";
    private static final String FIELD = "config_path";

    private final Path configsDir;

    public ConfigPathResolver(Path configsDir) {
        this.configsDir = configsDir.toAbsolutePath().normalize();
    }

    /** The real path of an existing .json file inside the configs directory, or a 400 saying why not. */
    public Path resolve(String configPath) {
        Path given = parse(configPath);
        Path root = real(configsDir);
        List<Path> inside = candidates(given).stream().map(ConfigPathResolver::real)
                .filter(p -> p.startsWith(root) && !p.equals(root)).toList();
        if (inside.isEmpty()) {
            throw invalid(configPath, "config_path must name a file inside the configs directory");
        }
        Path file = inside.stream().filter(Files::exists).findFirst().orElse(inside.get(0));
        if (Files.isDirectory(file)) {
            throw invalid(configPath, "config_path names a directory, not a config file");
        }
        if (!Files.isRegularFile(file)) {
            throw ApiException.invalidField("config_not_found", FIELD, shown(configPath),
                    "No config file at " + shown(configPath));
        }
        if (!isJson(file.getFileName().toString())) {
            throw invalid(configPath, "config_path must name a .json file");
        }
        return file;
    }

    private static Path parse(String configPath) {
        if (configPath == null || configPath.isBlank()) {
            throw invalid(configPath, "config_path is empty");
        }
        if (configPath.length() > MAX_LENGTH) {
            throw invalid(configPath, "config_path is longer than " + MAX_LENGTH + " characters");
        }
        // '%' never appears in a config name; refusing it stops double-encoded traversal (%2e%2e) outright.
        if (configPath.chars().anyMatch(c -> c < 0x20 || c == 0x7f || c == '%' || c == '\\')) {
            throw invalid(configPath, "config_path contains characters that are not allowed");
        }
        if (!isJson(configPath)) {
            throw invalid(configPath, "config_path must name a .json file");
        }
        try {
            return Path.of(configPath);
        } catch (InvalidPathException e) {
            throw invalid(configPath, "config_path is not a valid path");
        }
    }

    private List<Path> candidates(Path given) {
        if (given.isAbsolute()) {
            return List.of(given);
        }
        List<Path> candidates = new ArrayList<>();
        candidates.add(given.toAbsolutePath());
        if (given.getNameCount() == 1) {
            candidates.add(configsDir.resolve(given));
        } else {
            String first = given.getName(0).toString();
            if (first.equals(SEED_DIR) || first.equals(String.valueOf(configsDir.getFileName()))) {
                candidates.add(configsDir.resolve(given.subpath(1, given.getNameCount())));
            }
        }
        return candidates;
    }

    /** Normalizes and resolves symlinks of the longest existing prefix, so a missing file is still confined. */
    private static Path real(Path path) {
        Path normal = path.toAbsolutePath().normalize();
        Path existing = normal;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return normal;
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(normal));
        } catch (IOException e) {
            return normal;
        }
    }

    private static boolean isJson(String name) {
        return name.toLowerCase(Locale.ROOT).endsWith(".json");
    }

    private static ApiException invalid(String configPath, String message) {
        return ApiException.invalidField("invalid_config_path", FIELD, shown(configPath), message);
    }

    /** The value as it may be echoed back: bounded and without control characters. */
    static String shown(String configPath) {
        String value = Optional.ofNullable(configPath).orElse("");
        value = value.length() > 200 ? value.substring(0, 200) + "..." : value;
        return value.replaceAll("\\p{Cntrl}", "?");
    }
}
