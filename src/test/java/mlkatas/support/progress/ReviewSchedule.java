package mlkatas.support.progress;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import mlkatas.support.progress.Catalogue.Kata;
import mlkatas.support.progress.ProgressState.Attempt;
import mlkatas.support.progress.ProgressState.Entry;
import mlkatas.support.progress.ProgressState.Review;
import mlkatas.support.progress.ProgressState.Status;

/**
 * Spaced review: when each green kata is due to be solved again.
 *
 * <p>A kata's first green puts it on the first rung of the ladder {@link #INTERVAL_DAYS}: due one day later. Each
 * timed re-solve (a mock interview) that is fast and clean (no hint, at most {@value #SLOW_MINUTES} minutes)
 * moves it one rung up, any other one rung down (never below the first); it is then due that many days after
 * the re-solve went green.
 *
 * <p>The clock is injected. {@link #clockFromEnvironment()} is the real clock unless the environment variable
 * or system property {@value #NOW_VARIABLE} holds an instant such as {@code 2026-03-01T09:00:00Z}: the tests of
 * the scripts use it to simulate the passing days.
 */
public final class ReviewSchedule {

    /** The review intervals, in days: the ladder a kata climbs. */
    public static final List<Integer> INTERVAL_DAYS = List.of(1, 3, 7, 21, 60);
    /** A re-solve taking more minutes than this is slow. */
    public static final long SLOW_MINUTES = 30;
    /** Environment variable (or system property) that sets the clock, for testing. */
    public static final String NOW_VARIABLE = "KATAS_NOW";

    /** A kata due for review, and since when. */
    public record Due(Kata kata, Instant since) {
    }

    private final Clock clock;

    public ReviewSchedule(Clock clock) {
        this.clock = clock;
    }

    /** The system clock, or a fixed one when {@value #NOW_VARIABLE} is set (environment first, then property). */
    public static Clock clockFromEnvironment() {
        String now = System.getenv(NOW_VARIABLE);
        if (now == null || now.isBlank()) {
            now = System.getProperty(NOW_VARIABLE);
        }
        if (now == null || now.isBlank()) {
            return Clock.systemUTC();
        }
        return Clock.fixed(Instant.parse(now.strip()), ZoneOffset.UTC);
    }

    public Instant now() {
        return clock.instant();
    }

    /** The katas due for review now, most overdue first. */
    public List<Due> due(ProgressState state) {
        Instant now = now();
        List<Due> due = new ArrayList<>();
        for (Kata kata : Catalogue.KATAS) {
            Review review = state.review(kata.name());
            if (review != null && !review.due().isAfter(now)) {
                due.add(new Due(kata, review.due()));
            }
        }
        due.sort(Comparator.comparing(Due::since));
        return due;
    }

    /** True when {@code attempt} used no hint and took at most {@value #SLOW_MINUTES} minutes. */
    public static boolean fastAndClean(Attempt attempt) {
        return attempt.hints() == 0 && attempt.minutes() <= SLOW_MINUTES;
    }

    /** The review after a kata's first green at {@code green}: the first rung. */
    public static Review first(Instant green) {
        return new Review(0, green.plus(Duration.ofDays(INTERVAL_DAYS.get(0))));
    }

    /** The review after a timed re-solve: one rung up when it was fast and clean, one down otherwise. */
    public static Review next(Review previous, Attempt attempt) {
        int top = INTERVAL_DAYS.size() - 1;
        int step = fastAndClean(attempt) ? Math.min(previous.step() + 1, top) : Math.max(previous.step() - 1, 0);
        return new Review(step, attempt.date().plus(Duration.ofDays(INTERVAL_DAYS.get(step))));
    }

    /**
     * Puts every green kata that has no review yet on the first rung, from its first green, and records that
     * first solve as an attempt when its time is known (it went red or ran before it went green).
     */
    public static void scheduleNewlyGreen(ProgressState state) {
        for (Kata kata : Catalogue.KATAS) {
            Entry e = state.entry(kata.name());
            if (e == null || e.status() != Status.GREEN || e.firstGreen() == null
                    || state.review(kata.name()) != null) {
                continue;
            }
            state.setReview(kata.name(), first(e.firstGreen()));
            Instant start = e.firstRed() != null ? e.firstRed() : e.firstRun();
            if (start != null && start.isBefore(e.firstGreen()) && state.attempts(kata.name()).isEmpty()) {
                state.addAttempt(kata.name(), new Attempt(e.firstGreen(),
                        Duration.between(start, e.firstGreen()).toMinutes(), state.hintTiers(kata.name()), false));
            }
        }
    }
}
