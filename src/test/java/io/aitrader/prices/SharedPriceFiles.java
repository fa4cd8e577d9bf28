package io.aitrader.prices;

import java.nio.file.Files;
import java.nio.file.Path;

/** The real price files shared next to the project (../shared/data/prices); null when absent. */
final class SharedPriceFiles {

    static final String FIRST = "nasdaq100-daily-2025-01-02_2025-06-27.jsonl";
    static final String SECOND = "nasdaq100-daily-2025-06-10_2025-10-30.jsonl";
    static final String QQQ = "qqq-daily-2025-06-10_2025-10-30.json";

    private SharedPriceFiles() {
    }

    static Path path(String name) {
        Path file = Path.of("..", "shared", "data", "prices", name);
        return Files.isRegularFile(file) ? file : null;
    }
}
