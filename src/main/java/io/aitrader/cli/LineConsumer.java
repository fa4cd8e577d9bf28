package io.aitrader.cli;

import java.io.PrintStream;
import java.util.regex.Pattern;

import me.tongfei.progressbar.ProgressBarConsumer;

/** Prints the progress bar as plain lines, one per change of progress (the ticking clocks alone print nothing). */
final class LineConsumer implements ProgressBarConsumer {

    private static final Pattern CLOCKS = Pattern.compile("\\([^)]*\\)");
    private static final int WIDTH = 110;

    private final PrintStream out;
    private String last = "";

    LineConsumer(PrintStream out) {
        this.out = out;
    }

    @Override
    public int getMaxRenderedLength() { return WIDTH; }

    @Override
    public synchronized void accept(String rendered) {
        String withoutClocks = CLOCKS.matcher(rendered).replaceAll("");
        if (!withoutClocks.equals(last)) {
            last = withoutClocks;
            out.println(rendered.stripTrailing());
            out.flush();
        }
    }

    @Override
    public void close() {
        out.flush();
    }
}
