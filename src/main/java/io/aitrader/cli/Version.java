package io.aitrader.cli;

import org.eclipse.microprofile.config.ConfigProvider;

import picocli.CommandLine.IVersionProvider;

/** Prints the application's name and version from the build's Quarkus configuration. */
public class Version implements IVersionProvider {

    @Override
    public String[] getVersion() {
        var config = ConfigProvider.getConfig();
        return new String[]{config.getOptionalValue("quarkus.application.name", String.class).orElse("ai-trader")
                + " " + config.getOptionalValue("quarkus.application.version", String.class).orElse("")};
    }
}
