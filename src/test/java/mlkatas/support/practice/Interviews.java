package mlkatas.support.practice;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import mlkatas.support.progress.Board;
import mlkatas.support.progress.Catalogue;
import mlkatas.support.progress.Catalogue.Kata;
import mlkatas.support.progress.ProgressState;
import mlkatas.support.progress.ProgressState.Attempt;
import mlkatas.support.progress.ProgressState.Entry;
import mlkatas.support.progress.ProgressState.Review;
import mlkatas.support.progress.ProgressState.Status;
import mlkatas.support.progress.ReviewSchedule;

/**
 * Mock interviews: which kata to take, opening one (the clock starts), closing it when the kata's tests go green
 * (time taken, two follow-up questions, the attempt recorded and the next review scheduled) and the answers.
 *
 * <p>Saving the learner's file and putting the stub in place is {@code tools/kata}'s part (git does it); this
 * class keeps the record in {@link ProgressState}.
 */
public final class Interviews {

    /** How many follow-up questions an interview ends with. */
    static final int QUESTIONS = 2;

    private Interviews() {
    }

    /**
     * The kata to take: {@code choice} itself when it names a kata; otherwise, within category {@code choice}
     * when it is a number (all katas when it is null), the most overdue review, else the first kata not started.
     * Katas with an interview already open are passed over. Empty when nothing qualifies.
     */
    public static Optional<Kata> pick(ProgressState state, String choice, Instant now) {
        if (choice != null && Catalogue.byName(choice).isPresent()) {
            return Catalogue.byName(choice);
        }
        int category = choice == null ? 0 : Integer.parseInt(choice);
        Optional<Kata> due = new ReviewSchedule(java.time.Clock.fixed(now, java.time.ZoneOffset.UTC)).due(state)
                .stream().map(ReviewSchedule.Due::kata)
                .filter(k -> category == 0 || k.category() == category)
                .filter(k -> state.interviewStarted(k.name()).isEmpty())
                .findFirst();
        if (due.isPresent()) {
            return due;
        }
        return Catalogue.KATAS.stream()
                .filter(k -> category == 0 || k.category() == category)
                .filter(k -> state.interviewStarted(k.name()).isEmpty())
                .filter(k -> {
                    Entry e = state.entry(k.name());
                    return e == null || e.status() == Status.NOT_STARTED && e.firstGreen() == null;
                })
                .findFirst();
    }

    /** Opens an interview of {@code kata} at {@code now}, hints counted afresh; returns what to print. */
    public static String start(ProgressState state, Kata kata, Path katasMd, Instant now) throws IOException {
        state.setInterview(kata.name(), now);
        state.setHintTiers(kata.name(), 0);
        return "Mock interview: " + kata.title() + ". The clock is running; it stops when " + kata.name()
                + "Test next goes green\n(./mvnw test -Dtest=" + kata.name() + "Test, your IDE, or tools/kata watch "
                + kata.name() + ").\n\n" + KatasMd.statement(KatasMd.section(katasMd, kata.title()))
                + "\nStuck? tools/kata hint " + kata.name() + " (hints count against the review schedule). "
                + "Your saved solution comes back with tools/kata restore " + kata.name() + ".\n";
    }

    /** Closes an open interview of {@code kata} without an attempt (its file was restored); true if one was open. */
    public static boolean abandon(ProgressState state, Kata kata) {
        boolean open = state.interviewStarted(kata.name()).isPresent();
        state.setInterview(kata.name(), null);
        return open;
    }

    /**
     * After a run recorded in {@code state}: closes the interview of every kata of the run that is now green
     * (attempt, next review, the two questions), then puts newly green katas on the review ladder. Returns
     * what to print, empty when no interview ended.
     */
    public static String afterRun(ProgressState state, Path katasMd, Instant now) {
        StringBuilder out = new StringBuilder();
        for (String name : state.lastRunKatas()) {
            Optional<Kata> kata = Catalogue.byName(name);
            Entry e = state.entry(name);
            Optional<Instant> started = state.interviewStarted(name);
            if (kata.isEmpty() || e == null || e.status() != Status.GREEN || started.isEmpty()) {
                continue;
            }
            out.append(finish(state, kata.get(), started.get(), katasMd, now));
        }
        ReviewSchedule.scheduleNewlyGreen(state);
        return out.toString();
    }

    private static String finish(ProgressState state, Kata kata, Instant started, Path katasMd, Instant now) {
        long minutes = Math.max(0, Duration.between(started, now).toMinutes());
        Attempt attempt = new Attempt(now, minutes, state.hintTiers(kata.name()), true);
        Review previous = state.review(kata.name());
        Review next = previous == null ? ReviewSchedule.first(now) : ReviewSchedule.next(previous, attempt);
        state.addAttempt(kata.name(), attempt);
        state.setReview(kata.name(), next);
        state.setInterview(kata.name(), null);
        StringBuilder out = new StringBuilder();
        out.append("Mock interview of ").append(kata.title()).append(": green in ")
                .append(minutes < 1 ? "under a minute" : minutes + " min")
                .append(attempt.hints() == 0 ? ", no hints" : ", " + attempt.hints() + " hint tiers")
                .append(previous == null ? "" : ReviewSchedule.fastAndClean(attempt) ? " (fast and clean)"
                        : " (slow or with hints)")
                .append("; next review in ").append(days(ReviewSchedule.INTERVAL_DAYS.get(next.step()))).append(".\n");
        try {
            List<KatasMd.FollowUp> asked = asked(KatasMd.followUps(KatasMd.section(katasMd, kata.title())),
                    interviewCount(state, kata));
            if (!asked.isEmpty()) {
                out.append("The interviewer follows up:\n");
                for (int i = 0; i < asked.size(); i++) {
                    out.append("  ").append(i + 1).append(". ").append(asked.get(i).question()).append('\n');
                }
                out.append("Answer them aloud, then check: tools/kata answers ").append(kata.name()).append('\n');
            }
        } catch (IOException e) {
            out.append("(could not read the follow-up questions: ").append(e.getMessage()).append(")\n");
        }
        return out.toString();
    }

    private static String days(int days) {
        return days + (days == 1 ? " day" : " days");
    }

    /** The follow-ups of the {@code number}-th interview (1-based): the next two in turn, so each interview asks others. */
    static List<KatasMd.FollowUp> asked(List<KatasMd.FollowUp> followUps, int number) {
        List<KatasMd.FollowUp> asked = new ArrayList<>();
        for (int i = 0; i < Math.min(QUESTIONS, followUps.size()); i++) {
            asked.add(followUps.get((QUESTIONS * (number - 1) + i) % followUps.size()));
        }
        return asked;
    }

    private static int interviewCount(ProgressState state, Kata kata) {
        return (int) state.attempts(kata.name()).stream().filter(Attempt::interview).count();
    }

    /** The answers: those of the questions the last interview asked first, then the kata's other follow-ups. */
    public static String answers(ProgressState state, Kata kata, Path katasMd) throws IOException {
        List<KatasMd.FollowUp> all = KatasMd.followUps(KatasMd.section(katasMd, kata.title()));
        int count = interviewCount(state, kata);
        List<KatasMd.FollowUp> asked = count == 0 ? List.of() : asked(all, count);
        StringBuilder out = new StringBuilder();
        if (!asked.isEmpty()) {
            out.append("Asked at your last mock interview of ").append(kata.title()).append(":\n\n");
            asked.forEach(f -> out.append(format(f)));
        }
        List<KatasMd.FollowUp> others = all.stream().filter(f -> !asked.contains(f)).toList();
        if (!others.isEmpty()) {
            out.append(asked.isEmpty() ? "Interview follow-ups of " + kata.title() + ":\n\n" : "Other follow-ups:\n\n");
            others.forEach(f -> out.append(format(f)));
        }
        return out.length() == 0 ? "No interview follow-ups for " + kata.title() + " in katas.md.\n" : out.toString();
    }

    private static String format(KatasMd.FollowUp f) {
        return "- " + f.question() + "\n" + Board.wrap(f.answer(), 4, 78) + "\n\n";
    }
}
