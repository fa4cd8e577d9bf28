package io.aitrader.cli;

import jakarta.inject.Inject;

import io.quarkus.runtime.QuarkusApplication;

import picocli.CommandLine;

/** Batch mode: parses the arguments with picocli and runs one command; its exit code ends the process. */
public class BatchApplication implements QuarkusApplication {

    @Inject
    CommandLine.IFactory factory;

    @Override
    public int run(String... args) {
        return new CommandLine(TopCommand.class, factory)
                .setExecutionExceptionHandler(new CommandFailures())
                .execute(args);
    }
}
