package io.aitrader.prices;

/** How one download run is watched ({@code listener}) and stopped ({@code stop}). */
public record DownloadRun(DownloadListener listener, StopSignal stop) {

    /** Watched by nobody, never stopped. */
    public static DownloadRun unobserved() {
        return new DownloadRun(DownloadListener.NONE, new StopSignal());
    }

    /** The same run, heard first by {@code first} (e.g. storing each symbol's bars before others hear of it). */
    public DownloadRun heardFirstBy(DownloadListener first) {
        return new DownloadRun(first.then(listener), stop);
    }
}
