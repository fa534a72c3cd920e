package mlkatas.support.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import mlkatas.support.progress.ProgressState.Attempt;
import mlkatas.support.progress.ProgressState.Review;
import mlkatas.support.progress.ProgressState.Status;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Review schedule: when a green kata is due again")
class ReviewScheduleTest {

    private static final Instant MONDAY = Instant.parse("2026-11-16T19:00:00Z");

    private static Instant days(long n) {
        return MONDAY.plus(Duration.ofDays(n));
    }

    private static ReviewSchedule at(Instant now) {
        return new ReviewSchedule(Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    @DisplayName("a first green is due one day later")
    void firstGreen() {
        assertThat(ReviewSchedule.first(MONDAY)).isEqualTo(new Review(0, days(1)));
    }

    @Test
    @DisplayName("fast and clean re-solves climb 1, 3, 7, 21, 60 days and stay at 60")
    void climbs() {
        Review review = ReviewSchedule.first(MONDAY);
        Instant when = MONDAY;
        for (int expected : List.of(3, 7, 21, 60, 60)) {
            when = review.due();
            review = ReviewSchedule.next(review, new Attempt(when, 10, 0, true));
            assertThat(Duration.between(when, review.due()).toDays()).isEqualTo(expected);
        }
    }

    @Test
    @DisplayName("a slow re-solve (over 30 minutes) or one with a hint goes one rung down, never below 1 day")
    void shrinks() {
        Review at21 = new Review(3, MONDAY);
        assertThat(ReviewSchedule.next(at21, new Attempt(MONDAY, 31, 0, true))).isEqualTo(new Review(2, days(7)));
        assertThat(ReviewSchedule.next(at21, new Attempt(MONDAY, 5, 1, true))).isEqualTo(new Review(2, days(7)));
        assertThat(ReviewSchedule.next(at21, new Attempt(MONDAY, 30, 0, true))).isEqualTo(new Review(4, days(60)));
        assertThat(ReviewSchedule.next(new Review(0, MONDAY), new Attempt(MONDAY, 45, 3, true)))
                .isEqualTo(new Review(0, days(1)));
    }

    @Test
    @DisplayName("the due list holds only what is due, most overdue first")
    void dueList() {
        ProgressState state = new ProgressState();
        state.setReview("Adam", new Review(1, days(3)));
        state.setReview("Softmax", new Review(0, days(1)));
        state.setReview("Pca", new Review(2, days(10)));

        assertThat(at(days(5)).due(state)).extracting(d -> d.kata().name()).containsExactly("Softmax", "Adam");
        assertThat(at(MONDAY).due(state)).isEmpty();
    }

    @Test
    @DisplayName("a newly green kata gets its first review and its first solve is timed from its first red run")
    void newlyGreen() {
        ProgressState state = new ProgressState();
        state.record("Relu", Status.RED, 10, 2, "Examples > x", MONDAY);
        state.record("Relu", Status.GREEN, 10, 0, null, MONDAY.plus(Duration.ofMinutes(25)));
        state.record("Pca", Status.GREEN, 10, 0, null, MONDAY);
        state.setHintTiers("Relu", 2);

        ReviewSchedule.scheduleNewlyGreen(state);

        assertThat(state.review("Relu")).isEqualTo(new Review(0, MONDAY.plus(Duration.ofMinutes(25)).plus(Duration.ofDays(1))));
        assertThat(state.attempts("Relu")).containsExactly(new Attempt(MONDAY.plus(Duration.ofMinutes(25)), 25, 2, false));
        assertThat(state.review("Pca")).isEqualTo(new Review(0, days(1)));
        assertThat(state.attempts("Pca")).as("green at its first run: no time to record").isEmpty();
    }

    @Test
    @DisplayName("the board lists the katas due for review and a kata's best and last time")
    void board() {
        ProgressState state = new ProgressState();
        state.record("Softmax", Status.GREEN, 31, 0, null, MONDAY);
        state.addAttempt("Softmax", new Attempt(MONDAY, 40, 0, false));
        state.addAttempt("Softmax", new Attempt(days(1), 12, 1, true));
        state.setReview("Softmax", new Review(0, days(2)));
        state.setReview("Adam", new Review(1, days(3)));
        state.setLastRun(List.of("Softmax"));

        String board = Board.render(state, days(4));

        assertThat(board).contains("  Due for review: 4.6 Softmax (2 days overdue), 5.1 Adam (1 day overdue)\n")
                .contains("best 12 min, last 12 min")
                .contains("due for review (2 days overdue)");
        assertThat(Board.render(state, MONDAY)).doesNotContain("Due for review").contains("review due in 2 days");
    }
}
