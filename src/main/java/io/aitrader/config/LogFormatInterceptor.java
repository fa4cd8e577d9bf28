package io.aitrader.config;

import java.util.Locale;

import jakarta.annotation.Priority;

import io.smallrye.config.ConfigSourceInterceptor;
import io.smallrye.config.ConfigSourceInterceptorContext;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.Priorities;

/**
 * Turns LOG_FORMAT ({@code app.log-format}: {@code text} or {@code json}) into
 * {@code quarkus.log.console.json.enabled}, which the JSON logging extension reads as a boolean, unless that property
 * is set itself. Any other value stops the startup with a clear message. Registered through
 * {@code META-INF/services/io.smallrye.config.ConfigSourceInterceptor}, so it applies before logging starts.
 */
@Priority(Priorities.APPLICATION)
public class LogFormatInterceptor implements ConfigSourceInterceptor {

    static final String JSON_ENABLED = "quarkus.log.console.json.enabled";
    static final String LOG_FORMAT = "app.log-format";

    @Override
    public ConfigValue getValue(ConfigSourceInterceptorContext context, String name) {
        ConfigValue value = context.proceed(name);
        if (value != null || !JSON_ENABLED.equals(name)) {
            return value;
        }
        ConfigValue format = context.proceed(LOG_FORMAT);
        String text = format == null || format.getValue() == null
                ? ""
                : format.getValue().strip().toLowerCase(Locale.ROOT);
        boolean json = switch (text) {
            case "json" -> true;
            case "text", "" -> false;
            default -> throw new IllegalArgumentException("LOG_FORMAT must be text or json");
        };
        return ConfigValue.builder().withName(name).withValue(Boolean.toString(json))
                .withConfigSourceName("LOG_FORMAT").build();
    }
}
