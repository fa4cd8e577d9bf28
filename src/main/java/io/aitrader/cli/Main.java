package io.aitrader.cli;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * One executable, two modes: without arguments it is the HTTP server; with a command (import-prices, --help) it
 * runs that command without serving HTTP and exits with its status.
 */
@QuarkusMain
public class Main {

    public static void main(String... args) {
        if (args.length > 0) {
            // Runtime properties, read when Quarkus starts: no HTTP listener and no job recovery in a command run.
            System.setProperty("quarkus.http.host-enabled", "false");
            System.setProperty("app.command-mode", "true");
            Quarkus.run(CommandLine.class, args);
        } else {
            Quarkus.run(args);
        }
    }
}
