package mlkatas.support.progress;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import mlkatas.support.progress.Catalogue.Kata;
import mlkatas.support.progress.ProgressState.Entry;
import mlkatas.support.progress.ProgressState.Status;

/**
 * Renders the progress board: done counts per category, one line per kata of the latest run, and the next
 * kata to do. Plain ASCII, so it reads the same in any terminal and IDE console.
 */
public final class Board {

    private static final int WIDTH = 78;

    private Board() {
    }

    public static String render(ProgressState state, Instant now) {
        StringBuilder out = new StringBuilder();
        long done = Catalogue.KATAS.stream().filter(k -> isGreen(state, k)).count();
        out.append('\n').append(banner(" ML katas: " + done + "/" + Catalogue.KATAS.size() + " done ", '='))
                .append('\n');
        if (state.recovered()) {
            out.append("(the progress file could not be read and was started afresh)\n");
        }
        for (int c = 1; c <= Catalogue.CATEGORIES.size(); c++) {
            int category = c;
            List<Kata> katas = Catalogue.KATAS.stream().filter(k -> k.category() == category).toList();
            long green = katas.stream().filter(k -> isGreen(state, k)).count();
            out.append(String.format("  %d %-24s %2d/%-2d  %s%n", c, Catalogue.categoryName(c), green, katas.size(),
                    bar(green, katas.size())));
        }
        List<String> ran = state.lastRunKatas();
        if (!ran.isEmpty()) {
            out.append(banner(" this run ", '-')).append('\n');
            for (Kata kata : Catalogue.KATAS) {
                if (ran.contains(kata.name())) {
                    out.append(line(kata, state.entry(kata.name()), now)).append('\n');
                }
            }
        }
        out.append(banner("", '-')).append('\n');
        Optional<Kata> next = Catalogue.KATAS.stream().filter(k -> !isGreen(state, k)).findFirst();
        out.append(next.map(k -> "Next up: " + k.title() + ", see " + k.anchor()
                        + "   (run it: ./mvnw test -Dtest=" + k.name() + "Test)")
                .orElse("All katas are green. Well done: now read the mistake galleries and the follow-ups."))
                .append('\n');
        return out.toString();
    }

    private static String line(Kata kata, Entry e, Instant now) {
        if (e == null) {
            return String.format("  %-13s %s", "[?]", kata.title());
        }
        return switch (e.status()) {
            case GREEN -> String.format("  %-13s %-29s %d tests pass%s", "[green]", kata.title(), e.tests(),
                    timeToGreen(e));
            case RED -> String.format("  %-13s %-29s %d of %d failing, first: %s", "[red]", kata.title(),
                    e.failing(), e.tests(), shorten(e.firstFailure(), WIDTH - 33));
            case NOT_STARTED -> String.format("  %-13s %-29s %s", "[not started]", kata.title(), kata.anchor());
        };
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

    private static String shorten(String text, int max) {
        String oneLine = text.replaceAll("\\s+", " ").trim();
        return oneLine.length() <= max ? oneLine : oneLine.substring(0, max - 3) + "...";
    }
}
