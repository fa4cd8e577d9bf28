package io.aitrader.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The executable's command list; run without a command, the executable is the HTTP server. */
@Command(name = "ai-trader-server", mixinStandardHelpOptions = true, versionProvider = Version.class, subcommands = {
        SimulateCommand.class, ImportPricesCommand.class,
        HelpCommand.class}, description = "Runs LLM trading simulations on historical NASDAQ-100 prices.", footer = {"",
                "Without a command it runs the HTTP server (API_PORT, default 8080).",
                "Settings come from the server's environment variables (DATA_DIR, CONFIGS_DIR, …)."})
public class TopCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        // Options without a command (e.g. "--"): show what the commands are.
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }
}
