package io.jresty.ngx.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/** A clock that tests move by hand, so expiry and time functions never need a sleep. */
public final class TestClock extends Clock {
    private final AtomicReference<Instant> now;
    private final ZoneId zone;

    public TestClock(Instant start, ZoneId zone) {
        this.now = new AtomicReference<>(start);
        this.zone = zone;
    }

    /** 2010-11-18 11:27:35.123 UTC, a moment the lua-nginx-module docs use. */
    public static TestClock fixed() {
        return new TestClock(Instant.parse("2010-11-18T11:27:35.123Z"), ZoneId.of("UTC"));
    }

    public void advance(Duration d) {
        now.updateAndGet(i -> i.plus(d));
    }

    public void advanceSeconds(double seconds) {
        advance(Duration.ofNanos(Math.round(seconds * 1e9)));
    }

    public void set(Instant instant) {
        now.set(instant);
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new TestClock(now.get(), zone);
    }

    @Override
    public Instant instant() {
        return now.get();
    }
}
