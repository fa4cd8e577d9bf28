package io.aitrader.cli;

import java.io.Console;

import io.aitrader.jobs.view.JobStatusView;
import io.aitrader.prices.DateDownload;
import io.aitrader.prices.DownloadListener;
import io.aitrader.prices.DownloadProgress;
import io.aitrader.prices.SymbolDownload;
import io.quarkus.runtime.annotations.RegisterForReflection;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * The progress bars on stderr, one per phase: while prices download, symbols done of total with the service's ETA;
 * then model-days done of total, elapsed time, ETA and the current model-day. On a terminal each redraws one line;
 * elsewhere (CI logs, pipes) it prints a plain line whenever the progress changes.
 */
// Console.isTerminal() is looked up reflectively; jline creates its terminal provider from a class name.
@RegisterForReflection(targets = Console.class, classNames = "org.jline.terminal.impl.exec.ExecTerminalProvider")
final class ProgressDisplay implements AutoCloseable {

    private ProgressBar download;
    private ProgressBar simulation;

    private ProgressDisplay() {
    }

    /** Shows nothing until the first status says which phase the job is in. */
    static ProgressDisplay start() {
        return new ProgressDisplay();
    }

    void update(JobStatusView status) {
        JobStatusView.Progress progress = status.progress();
        boolean downloading = "downloading_data".equals(status.status());
        if (downloading && progress.download() != null && simulation == null) {
            showDownload(progress.download());
            return;
        }
        if (simulation == null && (downloading || "pending".equals(status.status()))) {
            return; // the model-day phase shows once it has begun
        }
        endDownload(status);
        if (simulation == null) {
            simulation = bar("Simulating", progress.totalModelDays(), " model-days", true);
        }
        int done = progress.completed() + progress.failed() + progress.skipped() + progress.cancelled();
        simulation.maxHint(progress.totalModelDays());
        simulation.stepTo(done);
        simulation.setExtraMessage(currentStep(status));
    }

    private void showDownload(DownloadProgress progress) {
        if (download == null) {
            download = bar("Downloading prices", progress.symbolsTotal(), " symbols", false);
        }
        download.maxHint(progress.symbolsTotal());
        download.stepTo(progress.symbolsDone() + progress.symbolsFailed());
        // in parentheses: a plain-line log prints a line when a symbol ends, not each time the ETA moves
        download.setExtraMessage((progress.symbolsFailed() > 0 ? progress.symbolsFailed() + " failed " : "")
                + "(ETA " + DownloadProgress.readable(progress.etaSeconds()) + ", " + progress.requestsPerMinute()
                + " requests/min)");
    }

    /** The download phase is over: complete, or stopped (the job's warnings say why and how many remain). */
    private void endDownload(JobStatusView status) {
        if (download == null) {
            return;
        }
        boolean stopped = status.warnings().stream().anyMatch(w -> w.startsWith("price download stopped"));
        if (!stopped) {
            download.stepTo(download.getMax());
        }
        download.setExtraMessage(stopped ? "stopped: see the job's warnings" : "done");
        download.close();
        download = null;
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

    /** A backfill's bar: requests done of total, from the download's own listener. */
    static DownloadBar downloadBar() {
        return new DownloadBar();
    }

    /** Hears a download run and draws its bar; closed when the run ends. */
    static final class DownloadBar implements DownloadListener, AutoCloseable {
        private ProgressBar bar;
        private int failed;

        @Override
        public void started(int requests, int requestsPerMinute) {
            bar = bar("Downloading prices", requests, " requests", true);
            bar.setExtraMessage("(" + requestsPerMinute + " requests/min)");
        }

        @Override
        public void finished(SymbolDownload outcome) {
            step(outcome.ok());
        }

        @Override
        public void finished(DateDownload outcome) {
            step(outcome.ok());
        }

        private void step(boolean ok) {
            if (bar != null) {
                failed += ok ? 0 : 1;
                bar.step();
                if (failed > 0) {
                    bar.setExtraMessage(failed + " refused or failed");
                }
            }
        }

        @Override
        public void close() {
            if (bar != null) {
                bar.close();
            }
        }
    }

    @Override
    public void close() {
        if (download != null) {
            download.close();
        }
        if (simulation != null) {
            simulation.close();
        }
    }

    private static ProgressBar bar(String task, long max, String unit, boolean withEta) {
        ProgressBarBuilder builder = new ProgressBarBuilder().setTaskName(task).setInitialMax(max).setUnit(unit, 1)
                .setUpdateIntervalMillis(250);
        if (!withEta) {
            builder.hideEta(); // the service's own ETA is in the message: the request budget, not the pace, decides
        }
        if (interactive()) {
            builder.setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK).continuousUpdate();
        } else {
            builder.setStyle(ProgressBarStyle.ASCII).setConsumer(new LineConsumer(System.err));
        }
        return builder.build();
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
