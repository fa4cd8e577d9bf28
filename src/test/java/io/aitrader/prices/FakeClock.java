package io.aitrader.prices;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import io.aitrader.platform.retry.Pause;

/** A clock that only moves when told to, with a pause that records each wait and moves the clock instead. */
final class FakeClock extends Clock {

    private final AtomicReference<Instant> now;
    private final ZoneId zone;
    final List<Duration> sleeps = new CopyOnWriteArrayList<>();

    FakeClock(Instant start) {
        this(new AtomicReference<>(start), AlphaVantageClient.MARKET_ZONE);
    }

    private FakeClock(AtomicReference<Instant> now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
    }

    void advance(Duration duration) {
        now.updateAndGet(t -> t.plus(duration));
    }

    Pause pause() {
        return (duration, stop) -> {
            sleeps.add(duration);
            advance(duration);
            return !stop.getAsBoolean();
        };
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() { return zone; }

    @Override
    public Clock withZone(ZoneId zone) {
        return new FakeClock(now, zone);
    }
}
