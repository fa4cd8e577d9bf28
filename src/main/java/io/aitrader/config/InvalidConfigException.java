package io.aitrader.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.aitrader.errors.ApiException;

/** 400 invalid_config: the config file exists but has problems, every one of them listed in details.problems. */
public class InvalidConfigException extends ApiException {

    private final String configPath;
    private final List<String> problems;

    public InvalidConfigException(String configPath, List<String> problems) {
        super(400, "invalid_config", message(configPath, problems), details(configPath, problems));
        this.configPath = configPath;
        this.problems = List.copyOf(problems);
    }

    public String configPath() {
        return configPath;
    }

    public List<String> problems() {
        return problems;
    }

    private static String message(String configPath, List<String> problems) {
        return "Config " + configPath + " is invalid (" + problems.size()
                + (problems.size() == 1 ? " problem" : " problems") + "): " + String.join("; ", problems);
    }

    private static Map<String, Object> details(String configPath, List<String> problems) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("config_path", configPath);
        details.put("problems", List.copyOf(problems));
        return details;
    }
}
