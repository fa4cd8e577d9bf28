package io.aitrader.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

class LogFormatInterceptorTest {

    @Test
    void logFormatBecomesTheJsonSwitch() {
        assertEquals(false, jsonEnabled(Map.of()));
        assertEquals(false, jsonEnabled(Map.of("app.log-format", "text")));
        assertEquals(true, jsonEnabled(Map.of("app.log-format", "json")));
        assertEquals(true, jsonEnabled(Map.of("app.log-format", " JSON ")));
    }

    @Test
    void anExplicitJsonSwitchWins() {
        Map<String, String> both = new HashMap<>();
        both.put("app.log-format", "json");
        both.put(LogFormatInterceptor.JSON_ENABLED, "false");
        assertEquals(false, jsonEnabled(both));
    }

    @Test
    void anUnknownFormatStopsTheStartWithAClearMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> jsonEnabled(Map.of("app.log-format", "yaml")));
        assertEquals("LOG_FORMAT must be text or json", e.getMessage());
    }

    private static boolean jsonEnabled(Map<String, String> properties) {
        SmallRyeConfig config = new SmallRyeConfigBuilder().withInterceptors(new LogFormatInterceptor())
                .withSources(new PropertiesConfigSource(properties, "test", 100)).build();
        return config.getValue(LogFormatInterceptor.JSON_ENABLED, Boolean.class);
    }
}
