package mlkatas.support.progress;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import mlkatas.support.progress.Catalogue.Kata;
import mlkatas.support.progress.ProgressState.Entry;
import mlkatas.support.progress.ProgressState.Status;

/**
 * Renders the progress board: done counts per category, the katas due for review, one line per kata of the
 * latest run (with its best and last timed solve, hints shown and next review), and the next kata to do. Plain ASCII, so it reads the same in any terminal and IDE console.
 */
public final class Board {

    private static final int WIDTH = 78;
    /** Where a red kata's first failing test starts, under its title. */
    private static final int FAILURE_INDENT = 16;

    private Board() {
    }

    public static String render(ProgressState state, Instant now) {
        StringBuilder out = new StringBuilder();
        long done = Catalogue.KATAS.stream().filter(k -> isGreen(state, k)).count();
        out.append('\n').append(banner(" ML katas: " + done + "/" + Catalogue.KATAS.size() + " done ", '='))
                .append('\n');
        state.notice().ifPresent(notice -> out.append(wrap(notice, 0, WIDTH)).append('\n'));
        for (int c = 1; c <= Catalogue.CATEGORIES.size(); c++) {
            int category = c;
            List<Kata> katas = Catalogue.KATAS.stream().filter(k -> k.category() == category).toList();
            long green = katas.stream().filter(k -> isGreen(state, k)).count();
            out.append(String.format("  %d %-24s %2d/%-2d  %s%n", c, Catalogue.categoryName(c), green, katas.size(),
                    bar(green, katas.size())));
        }
        List<ReviewSchedule.Due> due = new ReviewSchedule(Clock.fixed(now, ZoneOffset.UTC)).due(state);
        if (!due.isEmpty()) {
            out.append(wrap("Due for review: " + String.join(", ", due.stream()
                    .map(d -> d.kata().title() + " (" + overdue(d.since(), now) + ")").toList()), 2, WIDTH))
                    .append("\n  (tools/kata interview takes the first)\n");
        }
        List<String> ran = state.lastRunKatas();
        if (!ran.isEmpty()) {
            out.append(banner(" this run ", '-')).append('\n');
            for (Kata kata : Catalogue.KATAS) {
                if (ran.contains(kata.name())) {
                    out.append(line(kata, state.entry(kata.name()), now)).append('\n');
                    practice(state, kata.name(), now).ifPresent(p -> out.append(wrap(p, FAILURE_INDENT, WIDTH))
                            .append('\n'));
                }
            }
        }
        out.append(banner("", '-')).append('\n');
        Optional<Kata> next = nextUp(state);
        out.append(next.map(k -> "Next up: " + k.title() + ", see " + k.anchor()
                        + "   (run it: ./mvnw test -Dtest=" + k.name() + "Test)")
                .orElse("All katas are green. Well done: now read the mistake galleries and the follow-ups."))
                .append('\n');
        return out.toString();
    }

    /**
     * After a run of one kata, the next unfinished kata after it in catalogue order (so a learner working
     * through category 9 is not sent back to 1.1); after a run of several, the first unfinished one from the
     * first of them; the first unfinished kata of the catalogue when nothing follows.
     */
    static Optional<Kata> nextUp(ProgressState state) {
        List<Kata> katas = Catalogue.KATAS;
        List<String> ran = state.lastRunKatas();
        int from = 0;
        for (int i = 0; i < katas.size(); i++) {
            if (ran.contains(katas.get(i).name())) {
                from = ran.size() == 1 ? i + 1 : i;
                break;
            }
        }
        for (int i = from; i < katas.size(); i++) {
            if (!isGreen(state, katas.get(i))) {
                return Optional.of(katas.get(i));
            }
        }
        return katas.stream().filter(k -> !isGreen(state, k)).findFirst();
    }

    private static String line(Kata kata, Entry e, Instant now) {
        if (e == null) {
            return String.format("  %-13s %s", "[?]", kata.title());
        }
        return switch (e.status()) {
            case GREEN -> String.format("  %-13s %-29s %d tests pass%s%s", "[green]", kata.title(), e.tests(),
                    partB(e), timeToGreen(e));
            case RED -> String.format("  %-13s %-29s %d of %d failing, first:%n%s", "[red]", kata.title(),
                    e.failing(), e.tests(), wrap(e.firstFailure(), FAILURE_INDENT, WIDTH));
            case NOT_STARTED -> String.format("  %-13s %-29s %s", "[not started]", kata.title(), kata.anchor());
        };
    }

    /**
     * The practice line under a kata of this run: best and last timed solve, hint tiers shown, an open mock
     * interview and the next review; empty when there is nothing to say.
     */
    static Optional<String> practice(ProgressState state, String kata, Instant now) {
        List<String> parts = new ArrayList<>();
        List<ProgressState.Attempt> attempts = state.attempts(kata);
        if (!attempts.isEmpty()) {
            long best = attempts.stream().mapToLong(ProgressState.Attempt::minutes).min().orElseThrow();
            long last = attempts.get(attempts.size() - 1).minutes();
            parts.add("best " + minutes(best) + ", last " + minutes(last));
        }
        int hints = state.hintTiers(kata);
        if (hints > 0) {
            parts.add("hints: " + hints + " of 3 tiers shown");
        }
        state.interviewStarted(kata).ifPresent(started -> parts.add("mock interview running for "
                + humanize(Duration.between(started, now))));
        ProgressState.Review review = state.review(kata);
        if (review != null && state.interviewStarted(kata).isEmpty()) {
            parts.add(review.due().isAfter(now) ? "review due in " + dueIn(Duration.between(now, review.due()))
                    : "due for review (" + overdue(review.due(), now) + ")");
        }
        return parts.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", parts));
    }

    private static String minutes(long minutes) {
        return minutes < 1 ? "under a minute" : humanize(Duration.ofMinutes(minutes));
    }

    /** "5 h", "1 day", "20 days". */
    private static String dueIn(Duration d) {
        long days = d.toDays();
        return days < 1 ? Math.max(1, d.toHours()) + " h" : days + (days == 1 ? " day" : " days");
    }

    /** "due today", "1 day overdue", "12 days overdue". */
    private static String overdue(Instant due, Instant now) {
        long days = Duration.between(due, now).toDays();
        return days < 1 ? "due today" : days + (days == 1 ? " day" : " days") + " overdue";
    }

    /** " · Part B 3 of 16 pass" for a kata with an optional Part B, "" otherwise. */
    private static String partB(Entry e) {
        return e.partBTests() == 0 ? "" : ", Part B: " + e.partBPassing() + " of " + e.partBTests() + " pass";
    }

    private static String timeToGreen(Entry e) {
        if (e.firstRed() != null && e.firstGreen() != null) {
            return ", green " + humanize(Duration.between(e.firstRed(), e.firstGreen())) + " after its first red run";
        }
        if (e.firstRun() != null && e.firstGreen() != null && e.firstGreen().isAfter(e.firstRun())) {
            return ", green " + humanize(Duration.between(e.firstRun(), e.firstGreen())) + " after its first run";
        }
        return ", green at its first run";
    }

    static String humanize(Duration d) {
        long minutes = Math.max(0, d.toMinutes());
        if (minutes < 1) {
            return "under a minute";
        }
        if (minutes < 60) {
            return minutes + " min";
        }
        long hours = minutes / 60;
        if (hours < 48) {
            return hours + " h " + (minutes % 60) + " min";
        }
        return (hours / 24) + " days";
    }

    private static boolean isGreen(ProgressState state, Kata kata) {
        Entry e = state.entry(kata.name());
        return e != null && e.status() == Status.GREEN;
    }

    private static String bar(long done, int total) {
        return "[" + "#".repeat((int) done) + ".".repeat((int) (total - done)) + "]";
    }

    private static String banner(String title, char fill) {
        int left = Math.max(2, (WIDTH - title.length()) / 2);
        int right = Math.max(2, WIDTH - title.length() - left);
        return String.valueOf(fill).repeat(left) + title + String.valueOf(fill).repeat(right);
    }

    /** {@code text} on lines of at most {@code width} characters, each indented by {@code indent} spaces. */
    public static String wrap(String text, int indent, int width) {
        StringBuilder out = new StringBuilder();
        StringBuilder line = new StringBuilder();
        for (String word : text.trim().split("\\s+")) {
            if (line.length() > 0 && indent + line.length() + 1 + word.length() > width) {
                out.append(" ".repeat(indent)).append(line).append(System.lineSeparator());
                line.setLength(0);
            }
            line.append(line.length() > 0 ? " " : "").append(word);
        }
        return out.append(" ".repeat(indent)).append(line).toString();
    }
}
