package io.aitrader.prices;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Predicate;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.quarkus.logging.Log;

/**
 * Downloads, date by date, the daily prices missing from a range: one Massive request per trading day that some
 * symbol lacks and that Massive has not answered before — never for weekends, holidays or days already stored, and
 * never for today before the close has settled. A date the plan refuses is skipped; the run stops at the first
 * rate-limit answer (or an unknown key). Storing the bars is the caller's job.
 */
@Singleton
public class MassiveDownloader {

    /** When a day's end-of-day bars are asked for at the earliest, in New York time (the close is at 16:00). */
    static final LocalTime SETTLED = LocalTime.of(17, 0);

    private final MassiveClient client;
    private final DownloadCounters counters;

    public MassiveDownloader(MassiveClient client) {
        this(client, new CompositeMeterRegistry());
    }

    /** Counts each date's download by outcome in {@code registry} ({@code aitrader.price.downloads}). */
    @Inject
    public MassiveDownloader(MassiveClient client, MeterRegistry registry) {
        this.client = client;
        this.counters = new DownloadCounters(registry, "massive");
    }

    public boolean enabled() {
        return client.enabled();
    }

    /**
     * Asks Massive for each trading day of {@code from}..{@code to} on which some of {@code symbols} lacks a price,
     * unless {@code answered} says Massive gave that date already. {@code run} hears each date's outcome; once it is
     * stopped, no further request starts; {@code store} gets each date's bars as they come.
     */
    public DateDownloadResult downloadMissing(Collection<String> symbols, LocalDate from, LocalDate to,
            Predicate<LocalDate> isTradingDay, BiPredicate<String, LocalDate> hasPrice, Set<LocalDate> answered,
            DownloadRun run) {
        LocalDate last = lastAskable(to);
        List<LocalDate> toAsk = from.isAfter(last)
                ? List.of()
                : from.datesUntil(last.plusDays(1)).filter(isTradingDay).filter(date -> !answered.contains(date))
                        .filter(date -> symbols.stream().anyMatch(symbol -> !hasPrice.test(symbol, date))).toList();
        List<DateDownload> downloads = new ArrayList<>();
        List<LocalDate> notAttempted = new ArrayList<>();
        String stopReason = client.enabled() ? null : "no Massive API key is set";
        if (stopReason == null && !toAsk.isEmpty()) {
            run.listener().started(toAsk.size(), client.requestsPerMinute());
        }
        for (LocalDate date : toAsk) {
            if (stopReason == null && run.stop().stopped()) {
                stopReason = AlphaVantageDownloader.STOPPED;
            }
            DateDownload outcome = stopReason == null ? fetch(date, run.stop()) : null;
            if (outcome == null) {
                stopReason = stopReason != null
                        ? stopReason
                        : run.stop().stopped()
                                ? AlphaVantageDownloader.STOPPED
                                : "interrupted";
                notAttempted.add(date);
                continue;
            }
            downloads.add(outcome);
            run.listener().finished(outcome);
            if (outcome.status() == DateDownload.Status.STOPPED) {
                stopReason = outcome.reason();
            }
        }
        DateDownloadResult result = new DateDownloadResult(downloads, answered, notAttempted, stopReason);
        log(result);
        downloads.forEach(d -> counters.count(d.status().name()));
        counters.notAttempted(notAttempted.size());
        return result;
    }

    /** {@code to}, or the last day whose bars have settled: yesterday before 17:00 in New York, else today. */
    private LocalDate lastAskable(LocalDate to) {
        ZonedDateTime now = client.now();
        LocalDate settled = now.toLocalTime().isBefore(SETTLED) ? now.toLocalDate().minusDays(1) : now.toLocalDate();
        return to.isAfter(settled) ? settled : to;
    }

    private DateDownload fetch(LocalDate date, StopSignal stop) {
        try {
            return stop.interruptibly(() -> client.fetchGroupedDaily(date));
        } catch (InterruptedException e) {
            if (!stop.stopped()) {
                Thread.currentThread().interrupt();
            }
            return null;
        }
    }

    private static void log(DateDownloadResult result) {
        long ok = result.downloads().stream().filter(DateDownload::ok).count();
        Log.infof("Massive download: %d dates downloaded (%d bars), %d refused or failed, %d not attempted", ok,
                result.bars().size(), result.downloads().size() - ok, result.notAttempted().size());
        if (result.stopped()) {
            Log.warnf("Massive download stopped: %s", result.stopReason());
        }
    }
}
