package io.aitrader.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.runtime.configuration.ConfigurationException;

class ConfigStartupCheckTest {

    @TempDir
    Path dir;

    @Test
    void anInvalidDefaultConfigStopsStartupListingEveryProblem() {
        ConfigFixture fixture = new ConfigFixture(dir);
        ObjectNode config = ConfigFixture.valid();
        ((ObjectNode) config.get("agent_config")).put("max_steps", 0).put("initial_cash", 0);
        config.remove("models");
        fixture.write("default_config.json", config.toString());
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> new ConfigStartupCheck().onStart(null, fixture.service()));
        assertTrue(e.getMessage().contains("models is required"), e.getMessage());
        assertTrue(e.getMessage().contains("agent_config.max_steps must be a positive integer"), e.getMessage());
        assertTrue(e.getMessage().contains("agent_config.initial_cash must be positive"), e.getMessage());
        assertTrue(e.getMessage().startsWith("Refusing to start, the default config default_config.json is invalid:"),
                e.getMessage());
    }

    @Test
    void aMissingDefaultConfigStopsStartup() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> new ConfigStartupCheck().onStart(null, new ConfigFixture(dir).service()));
        assertTrue(e.getMessage().contains("No config file at default_config.json"), e.getMessage());
    }

    @Test
    void aValidDefaultConfigPasses() {
        ConfigFixture fixture = new ConfigFixture(dir);
        fixture.write("default_config.json", ConfigFixture.VALID);
        new ConfigStartupCheck().onStart(null, fixture.service());
        assertEquals(2, fixture.service().defaultConfig().models().size());
    }

    @Test
    void systemPropertiesAreAFallbackForVariables() {
        String name = "AITRADER_CONFIG_TEST_VARIABLE";
        System.setProperty(name, "from-property");
        try {
            assertEquals("from-property", ConfigEnvironment.processVariable(name));
        } finally {
            System.clearProperty(name);
        }
    }
}
