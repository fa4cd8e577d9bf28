package io.aitrader.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.aitrader.errors.ApiException;
import io.aitrader.trading.rules.TradingRules;

/**
 * Loads and validates config files (contract section 3). Every load reads the file again, so edits take effect on
 * the next trigger without a restart. Refusals are 400s: invalid_config_path, config_not_found, invalid_config.
 */
@ApplicationScoped
public class ConfigService {

    private final ConfigPathResolver resolver;
    private final ConfigReader reader;
    private final EnvReferences references;
    private final ConfigParser parser;
    private final RulesParser rules;
    private final ObjectMapper mapper;
    private final String defaultConfigPath;

    @Inject
    public ConfigService(ConfigSettings settings, OpenAiSettings openAi, ObjectMapper mapper) {
        this(ConfigEnvironment.from(settings, openAi), mapper);
    }

    public ConfigService(ConfigEnvironment environment, ObjectMapper mapper) {
        this.resolver = new ConfigPathResolver(environment.configsDir());
        this.reader = new ConfigReader(mapper, environment.overridePath());
        this.references = new EnvReferences(environment.variables());
        this.mapper = mapper;
        this.rules = new RulesParser(mapper, environment.configsDir());
        this.parser = new ConfigParser(
                new ModelParser(mapper, environment.openaiApiKey(), environment.openaiApiBase()),
                new SymbolLists(mapper, environment.configsDir()), rules);
        this.defaultConfigPath = environment.defaultConfigPath();
    }

    /** The config_path used when a request names none. */
    public String defaultConfigPath() {
        return defaultConfigPath;
    }

    public SimulationConfig defaultConfig() {
        return load(defaultConfigPath);
    }

    /** Loads the config at {@code configPath} (the default one when null or blank), validated in full. */
    public SimulationConfig load(String configPath) {
        String path = configPath == null || configPath.isBlank() ? defaultConfigPath : configPath;
        Path file = resolveInsideConfigsDir(path);
        List<String> problems = new ArrayList<>();
        JsonNode tree = reader.read(file, problems);
        SimulationConfig config = null;
        if (tree != null) {
            config = parser.parse(tree, references.resolveAll(tree), problems);
        }
        if (!problems.isEmpty()) {
            throw new InvalidConfigException(path, problems);
        }
        return config;
    }

    /**
     * Trading rules given apart from a config (a re-scoring's {@code rules}, as JSON or as Jackson read it into a map
     * or a string): an object, a preset name or a rules file's path, validated as a config's rules are; every problem is reported at once (400 invalid_rules).
     */
    public TradingRules loadRules(Object given) {
        JsonNode node = given instanceof JsonNode json ? json : mapper.valueToTree(given);
        List<String> problems = new ArrayList<>();
        if (node == null || node.isNull()) {
            problems.add("rules is required: an object, a preset name such as realistic, or a rules file's path");
        }
        TradingRules parsed = rules.parse(node, problems);
        if (!problems.isEmpty()) {
            throw new ApiException(400, "invalid_rules", "The rules are invalid (" + problems.size()
                    + (problems.size() == 1 ? " problem" : " problems") + "): " + String.join("; ", problems),
                    Map.of("field", "rules", "problems", List.copyOf(problems)));
        }
        return parsed;
    }

    /** The real path of {@code configPath}, which must be an existing .json file inside CONFIGS_DIR. */
    public Path resolveInsideConfigsDir(String configPath) {
        return resolver.resolve(configPath);
    }
}
