package io.aitrader.cli;

import java.io.PrintWriter;
import java.util.Map;

import io.aitrader.errors.ApiException;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/** Turns a command's exception into a clear message and an exit code, never a stack trace. */
class CommandFailures implements IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, ParseResult parsed) {
        PrintWriter err = cmd.getErr();
        if (e instanceof ApiException refusal) {
            err.println("Error: " + refusal.getMessage() + " (" + refusal.code() + ")");
            printDetails(err, refusal.toError().details());
            err.flush();
            return refusal.status() < 500 && refusal.status() != 409 ? ExitCodes.USAGE : ExitCodes.INCOMPLETE;
        }
        if (e instanceof JobFollower.Stopped stopped) {
            err.println();
            err.println(stopped.getMessage());
            err.flush();
            return ExitCodes.STOPPED;
        }
        err.println("Error: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        err.flush();
        return ExitCodes.INCOMPLETE;
    }

    private static void printDetails(PrintWriter err, Map<String, Object> details) {
        if (details == null) {
            return;
        }
        details.forEach((key, value) -> {
            if (!key.equals("field") && !key.equals("value")) {
                err.println("  " + key + ": " + value);
            }
        });
    }
}
