package mlkatas.support.practice;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import mlkatas.support.progress.Catalogue.Kata;
import mlkatas.support.progress.ProgressState;

/**
 * The next hint for a kata, as {@code tools/kata hint <Kata>} and the {@code h} key of watch mode show it.
 *
 * <p>Hints are in {@code hints/<Kata>.md}, three tiers under the headings of {@link #TIERS}. Each call shows the
 * next tier and counts it in the progress state ({@link ProgressState#hintTiers}); after the third it says all
 * are shown. When the kata's first failing test matches one of its pitfalls in katas.md, that pitfall comes
 * first: it names the misconception the test caught.
 */
public final class Hints {

    /** The tier headings of a hints file, in order. */
    public static final List<String> TIERS = List.of("## 1. Nudge", "## 2. Key rule", "## 3. Shape of the algorithm");

    private Hints() {
    }

    /** The three tiers' texts of a hints file, in order (an absent tier is empty). */
    public static List<String> tiers(Path hintsFile) throws IOException {
        List<StringBuilder> tiers = List.of(new StringBuilder(), new StringBuilder(), new StringBuilder());
        int current = -1;
        for (String line : Files.readAllLines(hintsFile, StandardCharsets.UTF_8)) {
            if (line.startsWith("#")) {
                current = TIERS.indexOf(line.strip());
            } else if (current >= 0) {
                tiers.get(current).append(line).append('\n');
            }
        }
        List<String> texts = new ArrayList<>();
        tiers.forEach(t -> texts.add(t.toString().strip()));
        return texts;
    }

    /**
     * Shows the next hint of {@code kata}: the text to print. Counts the tier in {@code state}, which the caller
     * saves.
     */
    public static String next(Path root, Kata kata, ProgressState state) throws IOException {
        StringBuilder out = new StringBuilder();
        ProgressState.Entry entry = state.entry(kata.name());
        String failing = entry == null ? "" : entry.firstFailure();
        int arrow = failing.indexOf(" > ");
        if (arrow > 0) {
            Pitfalls.matching(Pitfalls.of(root.resolve("katas.md"), kata.title()), failing.substring(arrow + 3))
                    .ifPresent(pitfall -> out.append("Your first failing test, ").append(failing)
                            .append(", catches this pitfall (").append(kata.anchor()).append("):\n")
                            .append(indent("- " + pitfall)).append("\n\n"));
        }
        Path file = root.resolve("hints").resolve(kata.name() + ".md");
        if (!Files.exists(file)) {
            return out.append("No hints file for ").append(kata.title()).append(" (").append(root.relativize(file))
                    .append("); its pitfalls are in ").append(kata.anchor()).append('\n').toString();
        }
        int shown = state.hintTiers(kata.name());
        if (shown >= TIERS.size()) {
            return out.append("All 3 hint tiers for ").append(kata.title()).append(" are shown (hints/")
                    .append(kata.name()).append(".md has them all).\nStill stuck? tools/kata diff ").append(kata.name())
                    .append(" compares your file with the reference solution.\n").toString();
        }
        List<String> tiers = tiers(file);
        state.setHintTiers(kata.name(), shown + 1);
        out.append("Hint ").append(shown + 1).append(" of 3 for ").append(kata.title()).append(": ")
                .append(TIERS.get(shown).substring("## 1. ".length())).append('\n')
                .append(indent(tiers.get(shown))).append('\n');
        if (shown + 1 < TIERS.size()) {
            out.append("(next time: the ").append(TIERS.get(shown + 1).substring("## 1. ".length())
                    .toLowerCase(Locale.ROOT)).append(")\n");
        }
        return out.toString();
    }

    static String indent(String text) {
        return ("  " + text.replace("\n", "\n  ")).replaceAll("(?m)^ +$", "");
    }
}
