package io.aitrader.config;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A configs directory in a temp folder and a {@link ConfigService} built on it with explicit settings. */
final class ConfigFixture {

    static final ObjectMapper MAPPER = new ObjectMapper();
    static final String VALID = """
            {"agent_type": "BaseAgent",
             "date_range": {"init_date": "2025-10-01", "end_date": "2025-10-21"},
             "models": [
               {"name": "Mock trader", "provider": "mock", "signature": "mock-trader", "seed": 42},
               {"name": "Buy and hold", "provider": "builtin", "basemodel": "buy-and-hold", "signature": "baseline-qqq"}],
             "agent_config": {"max_steps": 30, "max_retries": 3, "base_delay": 1.0, "initial_cash": 10000.0,
                              "call_timeout_seconds": 60, "day_timeout_seconds": 600},
             "symbols": ["AAPL", "MSFT"], "benchmark": "QQQ"}
            """;

    final Path configsDir;
    final Map<String, String> variables = new HashMap<>();
    Optional<Path> overridePath = Optional.empty();
    Optional<String> openaiKey = Optional.empty();
    Optional<String> openaiBase = Optional.empty();

    ConfigFixture(Path configsDir) {
        this.configsDir = configsDir;
    }

    ConfigService service() {
        return new ConfigService(new ConfigEnvironment(configsDir, "default_config.json", overridePath, openaiKey,
                openaiBase, variables::get), MAPPER);
    }

    static ObjectNode valid() {
        try {
            return (ObjectNode) MAPPER.readTree(VALID);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path write(String name, String content) {
        try {
            return Files.writeString(configsDir.resolve(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    SimulationConfig load(Object config) {
        write("c.json", config.toString());
        return service().load("c.json");
    }

    List<String> problems(Object config) {
        write("c.json", config.toString());
        return assertThrows(InvalidConfigException.class, () -> service().load("c.json")).problems();
    }
}
