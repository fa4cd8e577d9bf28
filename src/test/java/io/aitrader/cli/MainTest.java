package io.aitrader.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.runtime.configuration.ConfigurationException;
import io.smallrye.config.ConfigValidationException;

class MainTest {

    @Test
    void refusedSettingsEndABatchRunAsAUsageError() {
        assertTrue(Main.refusedSettings(new RuntimeException("Failed to start quarkus",
                new ConfigurationException("Refusing to start, a setting is invalid"))));
        assertTrue(Main.refusedSettings(new ConfigValidationException(new ConfigValidationException.Problem[]{
                new ConfigValidationException.Problem("SRCFG00039: app.max-concurrent-jobs")})));
        for (Throwable other : List.of(new IllegalStateException("disk full"),
                new RuntimeException("Failed to start quarkus", new IllegalArgumentException("port")))) {
            assertFalse(Main.refusedSettings(other), other.toString());
        }
        assertFalse(Main.refusedSettings(null));
    }
}
