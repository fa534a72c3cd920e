package mlkatas.support.practice;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads a kata's section of katas.md: its lines, its statement (what an interviewer would hand over), and
 * the items of a bold-headed paragraph such as {@code **Pitfalls**} or {@code **Interview follow-ups**}.
 *
 * <p>A section starts at {@code ### 4.6 Softmax} and ends at the next heading. Inside it a paragraph that starts
 * with {@code **Name**} runs until the next line that starts with {@code **}.
 */
public final class KatasMd {

    /** The paragraphs a statement leaves out: they give away the answer or come after it. */
    static final Set<String> NOT_IN_STATEMENT = Set.of("**Pitfalls**", "**Mistake gallery**",
            "**Interview follow-ups**");

    /** One interview follow-up: the italic question and the answer after it. */
    public record FollowUp(String question, String answer) {
    }

    private KatasMd() {
    }

    /** The lines of the section titled {@code title} ("4.6 Softmax"), heading included; empty when there is none. */
    public static List<String> section(Path katasMd, String title) throws IOException {
        List<String> section = new ArrayList<>();
        boolean in = false;
        for (String line : Files.readAllLines(katasMd, StandardCharsets.UTF_8)) {
            if (line.startsWith("#")) {
                in = line.strip().equals("### " + title);
            }
            if (in) {
                section.add(line);
            }
        }
        return section;
    }

    /** The section without its pitfalls, mistake gallery and follow-ups, trailing blank lines removed. */
    public static String statement(List<String> section) {
        StringBuilder out = new StringBuilder();
        boolean skipping = false;
        for (String line : section) {
            if (line.startsWith("**")) {
                skipping = NOT_IN_STATEMENT.stream().anyMatch(line::startsWith);
            }
            if (!skipping) {
                out.append(line).append('\n');
            }
        }
        return out.toString().replaceAll("\\n+$", "\n").replaceAll("\\n{3,}", "\n\n");
    }

    /** The "- " items of the paragraph headed {@code heading} (e.g. "**Pitfalls**"), each joined onto one line. */
    public static List<String> items(List<String> section, String heading) {
        List<String> items = new ArrayList<>();
        boolean in = false;
        for (String line : section) {
            if (line.startsWith("**")) {
                in = line.startsWith(heading);
            } else if (in && line.startsWith("- ")) {
                items.add(line.substring(2).strip());
            } else if (in && !line.isBlank() && !items.isEmpty()) {
                items.set(items.size() - 1, items.get(items.size() - 1) + " " + line.strip());
            }
        }
        return items;
    }

    /** The section's interview follow-ups: "- *question* answer" items. */
    public static List<FollowUp> followUps(List<String> section) {
        List<FollowUp> followUps = new ArrayList<>();
        for (String item : items(section, "**Interview follow-ups**")) {
            int end = item.startsWith("*") ? item.indexOf('*', 1) : -1;
            if (end > 1) {
                followUps.add(new FollowUp(item.substring(1, end).strip(), item.substring(end + 1).strip()));
            } else {
                followUps.add(new FollowUp(item, ""));
            }
        }
        return followUps;
    }
}
