package io.aitrader.prices;

/**
 * Hears a download run as it goes: how many requests it will make (one per symbol on Alpha Vantage, one per date on
 * Massive), then the outcome of each one.
 */
@FunctionalInterface
public interface DownloadListener {

    /** Hears nothing. */
    DownloadListener NONE = outcome -> {
    };

    /** The run will make {@code symbols} requests (symbols, or dates), at most {@code requestsPerMinute} a minute. */
    default void started(int symbols, int requestsPerMinute) {
    }

    /** One symbol's request ended: downloaded (its bars within the run's range), failed or refused. */
    void finished(SymbolDownload outcome);

    /** One date's request (Massive) ended: downloaded, refused by the plan, failed or stopped. */
    default void finished(DateDownload outcome) {
    }

    /** This listener, then {@code next}. */
    default DownloadListener then(DownloadListener next) {
        DownloadListener first = this;
        return new DownloadListener() {
            @Override
            public void started(int symbols, int requestsPerMinute) {
                first.started(symbols, requestsPerMinute);
                next.started(symbols, requestsPerMinute);
            }

            @Override
            public void finished(SymbolDownload outcome) {
                first.finished(outcome);
                next.finished(outcome);
            }

            @Override
            public void finished(DateDownload outcome) {
                first.finished(outcome);
                next.finished(outcome);
            }
        };
    }
}
