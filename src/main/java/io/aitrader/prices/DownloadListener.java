package io.aitrader.prices;

/** Hears a download run as it goes: how many symbols it will ask for, then the outcome of each one asked. */
@FunctionalInterface
public interface DownloadListener {

    /** Hears nothing. */
    DownloadListener NONE = outcome -> {
    };

    /** The run will ask for {@code symbols} symbols, one request each, at most {@code requestsPerMinute} a minute. */
    default void started(int symbols, int requestsPerMinute) {
    }

    /** One symbol's request ended: downloaded (its bars within the run's range), failed or refused. */
    void finished(SymbolDownload outcome);

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
        };
    }
}
