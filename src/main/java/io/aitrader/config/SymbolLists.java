package io.aitrader.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Named symbol lists: {@code "symbols": "nasdaq100"} in a config means {@code nasdaq100_symbols.json} in the configs
 * directory, a file of the form {@code {"name": "nasdaq100", "symbols": ["AAPL", ...]}}.
 */
final class SymbolLists {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final String SUFFIX = "_symbols.json";

    private final ObjectMapper mapper;
    private final Path configsDir;

    SymbolLists(ObjectMapper mapper, Path configsDir) {
        this.mapper = mapper;
        this.configsDir = configsDir;
    }

    /** The tickers of the named list as written (checked by the caller), or an empty list and a problem. */
    List<String> read(String name, List<String> problems) {
        if (!NAME.matcher(name).matches()) {
            problems.add("symbols '" + ConfigPathResolver.shown(name)
                    + "' is neither a list of tickers nor a symbol list name (letters, digits, '_' or '-')");
            return List.of();
        }
        String fileName = name + SUFFIX;
        Path file = configsDir.resolve(fileName);
        if (!Files.isRegularFile(file)) {
            problems.add("symbols '" + name + "' names a symbol list, but " + fileName
                    + " is not in the configs directory");
            return List.of();
        }
        JsonNode root;
        try {
            root = mapper.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            problems.add(fileName + " is not valid JSON" + ConfigReader.location(e));
            return List.of();
        } catch (IOException e) {
            problems.add(fileName + " cannot be read");
            return List.of();
        }
        JsonNode symbols = root == null ? null : root.get("symbols");
        if (symbols == null || !symbols.isArray()) {
            problems.add(fileName + " must be an object with a \"symbols\" list");
            return List.of();
        }
        return strings(symbols, fileName + " symbols", problems);
    }

    static List<String> strings(JsonNode array, String path, List<String> problems) {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            if (array.get(i).isTextual()) {
                values.add(array.get(i).asText());
            } else {
                problems.add(path + "[" + i + "] must be a ticker string");
            }
        }
        return values;
    }
}
