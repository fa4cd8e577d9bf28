package io.aitrader.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

// TEMPORARY: replaced by the config helper's version at merge
/** Minimal stand-in: reads only the symbols and benchmark of the default config. */
@ApplicationScoped
public class ConfigService {

    @Inject
    ServiceSettings settings;

    @Inject
    ObjectMapper mapper;

    public SimulationConfig defaultConfig() {
        Path file = Path.of(settings.defaultConfig());
        try {
            JsonNode root = mapper.readTree(Files.readAllBytes(file));
            JsonNode symbols = root.path("symbols");
            if (symbols.isTextual()) {
                JsonNode list = mapper
                        .readTree(
                                Files.readAllBytes(settings.configsDir().resolve(symbols.asText() + "_symbols.json")));
                symbols = list.has("symbols") ? list.get("symbols") : list;
            }
            List<String> universe = new ArrayList<>();
            symbols.forEach(s -> universe.add(s.asText()));
            return new SimulationConfig(root.path("agent_type").asText("BaseAgent"), null, List.of(), null,
                    universe, root.path("benchmark").asText("QQQ"));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the default config " + file + ": " + e.getMessage(), e);
        }
    }
}
