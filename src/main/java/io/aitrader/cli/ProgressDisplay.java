package io.aitrader.cli;

import java.io.Console;

import io.aitrader.jobs.JobStatusView;
import io.quarkus.runtime.annotations.RegisterForReflection;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * The progress bar on stderr: model-days done of total, elapsed time, ETA and the current model-day. On a terminal it
 * redraws one line; elsewhere (CI logs, pipes) it prints a plain line whenever the progress changes.
 */
// Console.isTerminal() is looked up reflectively; jline creates its terminal provider from a class name.
@RegisterForReflection(targets = Console.class, classNames = "org.jline.terminal.impl.exec.ExecTerminalProvider")
final class ProgressDisplay implements AutoCloseable {

    private final ProgressBar bar;

    private ProgressDisplay(ProgressBar bar) {
        this.bar = bar;
    }

    static ProgressDisplay start(long total) {
        ProgressBarBuilder builder = new ProgressBarBuilder().setTaskName("Simulating").setInitialMax(total)
                .setUnit(" model-days", 1).setUpdateIntervalMillis(250);
        if (interactive()) {
            builder.setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK).continuousUpdate();
        } else {
            builder.setStyle(ProgressBarStyle.ASCII).setConsumer(new LineConsumer(System.err));
        }
        return new ProgressDisplay(builder.build());
    }

    void update(JobStatusView status) {
        JobStatusView.Progress progress = status.progress();
        int done = progress.completed() + progress.failed() + progress.skipped() + progress.cancelled();
        bar.maxHint(progress.totalModelDays());
        bar.stepTo(done);
        bar.setExtraMessage(currentStep(status));
    }

    static String currentStep(JobStatusView status) {
        JobStatusView.Progress progress = status.progress();
        return switch (status.status()) {
            case "pending" -> "waiting for the worker";
            case "downloading_data" -> "preparing prices";
            case "running" -> progress.current() == null
                    ? "starting"
                    : progress.current().model() + " " + progress.current().date()
                            + (progress.running() > 1 ? " +" + (progress.running() - 1) + " more" : "");
            default -> status.status();
        };
    }

    @Override
    public void close() {
        bar.close();
    }

    /** Before JDK 22 a console exists only on a terminal; from JDK 22 on, Console.isTerminal() says so. */
    static boolean interactive() {
        Console console = System.console();
        if (console == null || "dumb".equals(System.getenv("TERM"))) {
            return false;
        }
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }
}
