package io.collectionstrategy.reload;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link ReloadListener} that remembers the last reload attempt, when it happened, and how many were accepted and
 * rejected: what a health endpoint shows. Thread-safe.
 *
 * <pre>{@code
 * ReloadStatus status = new ReloadStatus();
 * ReloadingCollectionStrategy strategy = ReloadingCollectionStrategy.watch(dir, settings, status);
 * status.last().ifPresent(r -> log.info("last reload at {}: {}", r.at(), r.event().reloaded() ? "accepted" : "rejected"));
 * }</pre>
 */
public final class ReloadStatus implements ReloadListener {

    /**
     * One reload attempt and when it ended.
     *
     * @param at    when the listener was told, by the status's clock
     * @param event what happened
     */
    public record Attempt(Instant at, ReloadEvent event) {

        /** Checks both are given. */
        public Attempt {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(event, "event");
        }
    }

    private final Clock clock;
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private volatile Attempt last;

    /** A status on the system clock (UTC). */
    public ReloadStatus() {
        this(Clock.systemUTC());
    }

    /**
     * @param clock the clock that stamps each attempt
     */
    public ReloadStatus(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void onReload(ReloadEvent event) {
        (event.reloaded() ? accepted : rejected).incrementAndGet();
        last = new Attempt(clock.instant(), event);
    }

    /** @return the last reload attempt, or empty when none has happened yet */
    public Optional<Attempt> last() {
        return Optional.ofNullable(last);
    }

    /** @return reloads that were accepted so far */
    public long accepted() {
        return accepted.get();
    }

    /** @return reloads that were rejected so far */
    public long rejected() {
        return rejected.get();
    }
}
