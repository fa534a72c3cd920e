package mlkatas.support.practice;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** A kata's pitfalls as katas.md lists them, and the one that matches a failing test. */
public final class Pitfalls {

    private Pitfalls() {
    }

    /** The "- *Name*: ..." items of the section's Pitfalls paragraph, each joined onto one line. */
    public static List<String> of(Path katasMd, String title) throws IOException {
        return KatasMd.items(KatasMd.section(katasMd, title), "**Pitfalls**");
    }

    /** {@code items} with the first one that matches {@code failingTest} moved to the front. */
    public static List<String> matchingFirst(List<String> items, String failingTest) {
        return matching(items, failingTest).map(match -> {
            List<String> reordered = new ArrayList<>(items);
            reordered.remove(match);
            reordered.add(0, match);
            return reordered;
        }).orElse(items);
    }

    /**
     * The first pitfall whose name contains the failing test's name (up to any colon), or the other way
     * round, ignoring case: the Mistakes tests are named after the pitfalls they catch.
     */
    public static Optional<String> matching(List<String> items, String failingTest) {
        if (failingTest == null || failingTest.isBlank()) {
            return Optional.empty();
        }
        String name = failingTest.toLowerCase(Locale.ROOT).split(":")[0].strip();
        for (String item : items) {
            int end = item.indexOf('*', 1);
            String pitfall = (end > 1 ? item.substring(1, end) : item).toLowerCase(Locale.ROOT);
            if (name.contains(pitfall) || pitfall.contains(name)) {
                return Optional.of(item);
            }
        }
        return Optional.empty();
    }
}
