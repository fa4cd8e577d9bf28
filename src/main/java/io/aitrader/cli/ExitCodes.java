package io.aitrader.cli;

/** Exit codes of batch mode. */
final class ExitCodes {

    /** Every model-day completed, every file imported. */
    static final int OK = 0;
    /** The command ran but not everything succeeded: a model-day failed or was skipped, a file was refused. */
    static final int INCOMPLETE = 1;
    /** The command was refused before anything ran: bad arguments, unknown model, invalid config. */
    static final int USAGE = 2;

    /** Stopped by a signal (Ctrl-C): 128 + SIGINT, as shells report it. */
    static final int STOPPED = 130;

    private ExitCodes() {
    }
}
