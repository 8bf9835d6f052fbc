package org.kizuna.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/** A node clock that a test moves by hand (UTC, millisecond precision, safe to read from any thread). */
public final class TestClock extends Clock {

    private final AtomicLong millis;

    private TestClock(long millis) {
        this.millis = new AtomicLong(millis);
    }

    /** A clock standing at {@code instant}. */
    public static TestClock at(Instant instant) {
        return new TestClock(instant.toEpochMilli());
    }

    /** A clock standing at the current time, from where the test moves it. */
    public static TestClock startingNow() {
        return new TestClock(System.currentTimeMillis());
    }

    /** The clock's time in epoch milliseconds. */
    public long get() {
        return millis.get();
    }

    /** Moves the clock by {@code deltaMillis} and returns the new time. */
    public long addAndGet(long deltaMillis) {
        return millis.addAndGet(deltaMillis);
    }

    /** Sets the clock to {@code epochMillis}. */
    public void set(long epochMillis) {
        millis.set(epochMillis);
    }

    /** Moves the clock by {@code duration}. */
    public void advance(Duration duration) {
        millis.addAndGet(duration.toMillis());
    }

    @Override
    public long millis() {
        return millis.get();
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        if (zone.normalized().equals(ZoneOffset.UTC)) return this;
        throw new UnsupportedOperationException("the node's clock is UTC, not " + zone);
    }
}
