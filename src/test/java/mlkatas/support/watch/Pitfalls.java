package mlkatas.support.watch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A kata's pitfalls as katas.md lists them, the one that matches a failing Mistakes test first. */
final class Pitfalls {

    private Pitfalls() {
    }

    /** The "- *Name*: ..." items of the section's Pitfalls paragraph, each joined onto one line. */
    static List<String> of(Path katasMd, String title) throws IOException {
        List<String> lines = Files.readAllLines(katasMd, StandardCharsets.UTF_8);
        List<String> items = new ArrayList<>();
        boolean inSection = false;
        boolean inPitfalls = false;
        for (String line : lines) {
            if (line.startsWith("### ")) {
                inSection = line.equals("### " + title);
                inPitfalls = false;
            } else if (inSection && line.startsWith("**Pitfalls**")) {
                inPitfalls = true;
            } else if (inPitfalls && line.startsWith("**")) {
                inPitfalls = false;
            } else if (inPitfalls && line.startsWith("- ")) {
                items.add(line.substring(2).strip());
            } else if (inPitfalls && !line.isBlank() && !items.isEmpty()) {
                items.set(items.size() - 1, items.get(items.size() - 1) + " " + line.strip());
            }
        }
        return items;
    }

    /** {@code items} with the first one that shares a word with {@code failingTest} moved to the front. */
    static List<String> matchingFirst(List<String> items, String failingTest) {
        if (failingTest == null || failingTest.isBlank()) {
            return items;
        }
        String name = failingTest.toLowerCase(Locale.ROOT).split(":")[0];
        for (int i = 0; i < items.size(); i++) {
            String item = items.get(i);
            int end = item.indexOf('*', 1);
            String pitfall = (end > 1 ? item.substring(1, end) : item).toLowerCase(Locale.ROOT);
            if (name.contains(pitfall) || pitfall.contains(name)) {
                List<String> reordered = new ArrayList<>(items);
                reordered.add(0, reordered.remove(i));
                return reordered;
            }
        }
        return items;
    }
}
