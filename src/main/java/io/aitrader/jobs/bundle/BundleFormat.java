package io.aitrader.jobs.bundle;

/**
 * A run bundle (contract 9): one gzip file of JSON lines. The first line is the {@code header} (format, version, job
 * id), then the {@code job}, its {@code model_day}s, the {@code price} rows its days used, the recorded model
 * {@code call}s and the {@code result}s; the last line, {@code end}, counts the lines before it and holds the SHA-256
 * of their bytes (each line with its newline), so a truncated or edited bundle is refused as a whole.
 */
final class BundleFormat {

    static final String FORMAT = "ai-trader-run-bundle";
    static final int VERSION = 1;

    static final String HEADER = "header";
    static final String JOB = "job";
    static final String MODEL_DAY = "model_day";
    static final String PRICE = "price";
    static final String CALL = "call";
    static final String RESULT = "result";
    static final String END = "end";

    private BundleFormat() {
    }
}
