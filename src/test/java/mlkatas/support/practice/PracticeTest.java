package mlkatas.support.practice;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import mlkatas.support.progress.Catalogue;
import mlkatas.support.progress.Catalogue.Kata;
import mlkatas.support.progress.ProgressState;
import mlkatas.support.progress.ProgressState.Attempt;
import mlkatas.support.progress.ProgressState.Review;
import mlkatas.support.progress.ProgressState.Status;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Practice: hints, statements, follow-ups and mock interviews")
class PracticeTest {

    private static final Instant MONDAY = Instant.parse("2026-11-16T19:00:00Z");
    private static final Path ROOT = ProgressState.fileFor(Path.of("")).getParent();
    private static final Path KATAS_MD = ROOT.resolve("katas.md");
    private static final Kata SOFTMAX = Catalogue.byName("Softmax").orElseThrow();

    @Nested
    @DisplayName("katas.md")
    class Catalog {

        @Test
        @DisplayName("every kata's statement has its section's rules but not its pitfalls, gallery or follow-ups")
        void statements() throws IOException {
            for (Kata kata : Catalogue.KATAS) {
                String statement = KatasMd.statement(KatasMd.section(KATAS_MD, kata.title()));
                assertThat(statement).as(kata.title()).startsWith("### " + kata.title() + "\n")
                        .contains("**Bad input**").doesNotContain("**Pitfalls**", "**Mistake gallery**",
                                "**Interview follow-ups**", "reference/mistakes");
            }
        }

        @Test
        @DisplayName("every kata has at least two follow-up questions, each with an answer")
        void followUps() throws IOException {
            for (Kata kata : Catalogue.KATAS) {
                List<KatasMd.FollowUp> followUps = KatasMd.followUps(KatasMd.section(KATAS_MD, kata.title()));
                assertThat(followUps).as(kata.title()).hasSizeGreaterThanOrEqualTo(2)
                        .allSatisfy(f -> assertThat(f.question()).isNotBlank().doesNotContain("*"))
                        .allSatisfy(f -> assertThat(f.answer()).isNotBlank());
            }
        }

        @Test
        @DisplayName("a failing Mistakes test finds the pitfall it is named after")
        void pitfallMatch() throws IOException {
            List<String> pitfalls = Pitfalls.of(KATAS_MD, SOFTMAX.title());

            assertThat(Pitfalls.matching(pitfalls, "no max subtraction: [1000, 1001] is NaN"))
                    .hasValueSatisfying(p -> assertThat(p).startsWith("*No max subtraction*"));
            assertThat(Pitfalls.matchingFirst(pitfalls, "columns instead of rows").get(0))
                    .startsWith("*Columns instead of rows*");
            assertThat(Pitfalls.matching(pitfalls, "")).isEmpty();
        }
    }

    @Nested
    @DisplayName("Hints")
    class HintTiers {

        @Test
        @DisplayName("each call shows the next tier and counts it; after the third it says all are shown")
        void tiers() throws IOException {
            ProgressState state = new ProgressState();

            assertThat(Hints.next(ROOT, SOFTMAX, state)).startsWith("Hint 1 of 3 for 4.6 Softmax: Nudge\n");
            assertThat(Hints.next(ROOT, SOFTMAX, state)).startsWith("Hint 2 of 3 for 4.6 Softmax: Key rule\n");
            assertThat(Hints.next(ROOT, SOFTMAX, state)).startsWith("Hint 3 of 3 for 4.6 Softmax: Shape of the");
            assertThat(state.hintTiers("Softmax")).isEqualTo(3);
            assertThat(Hints.next(ROOT, SOFTMAX, state)).startsWith("All 3 hint tiers for 4.6 Softmax are shown");
            assertThat(state.hintTiers("Softmax")).isEqualTo(3);
        }

        @Test
        @DisplayName("a failing Mistakes test puts its pitfall before the hint")
        void pitfallFirst() throws IOException {
            ProgressState state = new ProgressState();
            state.record("Softmax", Status.RED, 31, 1, "Mistakes > no max subtraction", MONDAY);

            String hint = Hints.next(ROOT, SOFTMAX, state);

            assertThat(hint).startsWith("Your first failing test, Mistakes > no max subtraction, catches this pitfall")
                    .contains("  - *No max subtraction*").contains("Hint 1 of 3");
        }

        @Test
        @DisplayName("every kata's three tiers can be read")
        void everyKata() throws IOException {
            for (Kata kata : Catalogue.KATAS) {
                assertThat(Hints.tiers(ROOT.resolve("hints/" + kata.name() + ".md"))).as(kata.title())
                        .hasSize(3).allSatisfy(t -> assertThat(t).isNotBlank());
            }
        }
    }

    @Nested
    @DisplayName("Mock interviews")
    class MockInterviews {

        @Test
        @DisplayName("the pick is the most overdue review, then the first kata not started, within a category")
        void pick() {
            ProgressState state = new ProgressState();
            state.record("LinearRegression", Status.GREEN, 27, 0, null, MONDAY);
            state.record("LogisticRegression", Status.RED, 20, 3, "Examples > x", MONDAY);
            state.setReview("LinearRegression", new Review(0, MONDAY.plus(Duration.ofDays(1))));
            state.setReview("Adam", new Review(1, MONDAY.plus(Duration.ofDays(3))));

            assertThat(Interviews.pick(state, null, MONDAY)).map(Kata::name).contains("KMeans");
            assertThat(Interviews.pick(state, null, MONDAY.plus(Duration.ofDays(5)))).map(Kata::name)
                    .contains("LinearRegression");
            assertThat(Interviews.pick(state, "5", MONDAY.plus(Duration.ofDays(5)))).map(Kata::name).contains("Adam");
            assertThat(Interviews.pick(state, "5", MONDAY)).map(Kata::name).contains("Adam");
            assertThat(Interviews.pick(state, "Pca", MONDAY)).map(Kata::name).contains("Pca");

            state.setInterview("LinearRegression", MONDAY.plus(Duration.ofDays(5)));
            assertThat(Interviews.pick(state, "1", MONDAY.plus(Duration.ofDays(5)))).as("an open interview is passed over")
                    .map(Kata::name).contains("KMeans");
        }

        @Test
        @DisplayName("going green ends the interview: time, two questions, the attempt and the next review")
        void finish() throws IOException {
            ProgressState state = new ProgressState();
            state.record("Softmax", Status.GREEN, 31, 0, null, MONDAY);
            state.setReview("Softmax", new Review(1, MONDAY.plus(Duration.ofDays(3))));
            Instant started = MONDAY.plus(Duration.ofDays(4));
            String statement = Interviews.start(state, SOFTMAX, KATAS_MD, started);
            state.record("Softmax", Status.RED, 31, 31, "Examples > x", started.plus(Duration.ofMinutes(1)));
            state.setLastRun(List.of("Softmax"));
            assertThat(Interviews.afterRun(state, KATAS_MD, started.plus(Duration.ofMinutes(1)))).isEmpty();

            Instant green = started.plus(Duration.ofMinutes(14));
            state.record("Softmax", Status.GREEN, 31, 0, null, green);
            String message = Interviews.afterRun(state, KATAS_MD, green);

            assertThat(statement).contains("### 4.6 Softmax").doesNotContain("**Pitfalls**");
            assertThat(message).startsWith("Mock interview of 4.6 Softmax: green in 14 min, no hints (fast and clean);"
                            + " next review in 7 days.")
                    .contains("  1. Why subtract the maximum, and does it change the answer?\n")
                    .contains("  2. What does a softmax temperature do?\n")
                    .doesNotContain("cancels");
            assertThat(state.attempts("Softmax")).containsExactly(new Attempt(green, 14, 0, true));
            assertThat(state.review("Softmax")).isEqualTo(new Review(2, green.plus(Duration.ofDays(7))));
            assertThat(state.interviewStarted("Softmax")).isEmpty();
            assertThat(Interviews.answers(state, SOFTMAX, KATAS_MD))
                    .startsWith("Asked at your last mock interview of 4.6 Softmax:\n\n- Why subtract the maximum")
                    .contains("cancels").contains("Other follow-ups:\n\n- Why is softmax paired with cross-entropy?");
        }

        @Test
        @DisplayName("the next interview asks the next questions in turn")
        void questionsRotate() {
            List<KatasMd.FollowUp> three = List.of(new KatasMd.FollowUp("a", "1"), new KatasMd.FollowUp("b", "2"),
                    new KatasMd.FollowUp("c", "3"));

            assertThat(Interviews.asked(three, 1)).extracting(KatasMd.FollowUp::question).containsExactly("a", "b");
            assertThat(Interviews.asked(three, 2)).extracting(KatasMd.FollowUp::question).containsExactly("c", "a");
        }

        @Test
        @DisplayName("hints shown during an interview count in the attempt, and restoring closes it unrecorded")
        void hintsAndAbandon() throws IOException {
            ProgressState state = new ProgressState();
            state.setHintTiers("Softmax", 3);
            Interviews.start(state, SOFTMAX, KATAS_MD, MONDAY);
            assertThat(state.hintTiers("Softmax")).as("hints count afresh").isZero();
            Hints.next(ROOT, SOFTMAX, state);
            state.record("Softmax", Status.GREEN, 31, 0, null, MONDAY.plus(Duration.ofMinutes(50)));
            state.setLastRun(List.of("Softmax"));

            assertThat(Interviews.afterRun(state, KATAS_MD, MONDAY.plus(Duration.ofMinutes(50))))
                    .contains("green in 50 min, 1 hint tiers; next review in 1 day");
            assertThat(state.attempts("Softmax")).containsExactly(new Attempt(MONDAY.plus(Duration.ofMinutes(50)), 50, 1, true));

            Interviews.start(state, SOFTMAX, KATAS_MD, MONDAY.plus(Duration.ofDays(2)));
            assertThat(Interviews.abandon(state, SOFTMAX)).isTrue();
            assertThat(state.interviewStarted("Softmax")).isEmpty();
            assertThat(state.attempts("Softmax")).hasSize(1);
        }
    }
}
