package io.aitrader.cli;

import java.util.function.BiConsumer;

import io.quarkus.runtime.ApplicationLifecycleManager;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.smallrye.config.ConfigValidationException;

/**
 * One executable, two modes: without arguments it is the HTTP server; with a command (simulate, import-prices,
 * --help) it runs that command without serving HTTP and exits with its status.
 */
@QuarkusMain
public class Main {

    public static void main(String... args) {
        if (args.length > 0) {
            // Runtime properties, read when Quarkus starts: no HTTP listener and no job recovery in a command run.
            System.setProperty("quarkus.http.host-enabled", "false");
            System.setProperty("app.command-mode", "true");
            // A batch run creates its one job itself: the built-in catch-up trigger (SCHEDULE_CRON) stays off.
            System.setProperty("app.schedule-cron", "off");
            // The terminal is the user interface here: stdout carries the command's output, logs go to stderr and
            // only warnings show unless the user asks for more (-Dquarkus.log.level or QUARKUS_LOG_LEVEL).
            System.setProperty("quarkus.log.console.stderr", "true");
            System.setProperty("quarkus.banner.enabled", "false");
            if (System.getProperty("quarkus.log.level") == null && System.getenv("QUARKUS_LOG_LEVEL") == null) {
                System.setProperty("quarkus.log.level", "WARN");
            }
            // Settings refused at start (SettingsCheck, or a value Quarkus cannot read) refuse the run before it
            // starts: exit code 2. Quarkus has printed the message already; only the code changes.
            BiConsumer<Integer, Throwable> exit = ApplicationLifecycleManager.getDefaultExitCodeHandler();
            ApplicationLifecycleManager.setDefaultExitCodeHandler(
                    (code, failure) -> exit.accept(refusedSettings(failure) ? ExitCodes.USAGE : code, failure));
            Quarkus.run(BatchApplication.class, args);
        } else if (Boolean.parseBoolean(System.clearProperty(CdsTraining.PROPERTY))) {
            CdsTraining.configure();
            Quarkus.run(CdsTraining.class, args);
        } else {
            Quarkus.run(args);
        }
    }

    static boolean refusedSettings(Throwable failure) {
        Throwable root = failure;
        while (root != null && root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root instanceof ConfigurationException || root instanceof ConfigValidationException;
    }
}
