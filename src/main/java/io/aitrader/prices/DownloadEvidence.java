package io.aitrader.prices;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What a download run showed about the prices a job lacks ({@link MissingPrices}): which are still unknown because
 * their request was refused, failed or never made, and which symbols did not trade on a date. Alpha Vantage answers
 * per symbol ({@link DownloadResult}), Massive per date ({@link DateDownloadResult}).
 */
public interface DownloadEvidence {

    /** Why {@code date}'s prices were not downloaded (the plan refused it, it failed, it was never asked), or empty. */
    Optional<String> dateNotDownloaded(LocalDate date);

    /** Whether {@code symbol}'s own request was refused, failed or never made. */
    boolean symbolNotDownloaded(String symbol);

    /** Whether the download shows that {@code symbol} did not trade on {@code date}. */
    boolean excused(String symbol, LocalDate date);

    /** One readable line per problem, suitable as job warnings. */
    List<String> warnings();
}
