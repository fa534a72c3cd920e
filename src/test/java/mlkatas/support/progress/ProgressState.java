package mlkatas.support.progress;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * A learner's progress, kept across runs in {@value #FILE_NAME} at the repository root (git-ignored, and
 * outside {@code target/} so {@code mvn clean} keeps it).
 *
 * <p>For each kata: its last state, the test counts of its last run, the first failing test, and when it
 * first ran, first went red and first went green (time to green is what a learner cares about). The file is
 * written to a temporary file and moved into place atomically, so a crash mid-write leaves the old file
 * whole. A missing or unreadable file starts an empty history; it never stops a test run.
 */
public final class ProgressState {

    public static final String FILE_NAME = ".kata-progress";

    /** Where a kata stands. */
    public enum Status { NOT_STARTED, RED, GREEN }

    /**
     * The record of one kata. Times are null until the event happens. {@code tests} and {@code failing} count
     * the tests outside the optional Part B, which has its own counts (0 tests when the kata has no Part B).
     */
    public record Entry(Status status, int tests, int failing, String firstFailure, Instant firstRun,
                        Instant firstRed, Instant firstGreen, Instant lastRun, int partBTests, int partBPassing) {
    }

    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private final List<String> lastRunKatas = new ArrayList<>();
    private boolean recovered;

    /** Reads the state at {@code file}; a missing or corrupt file gives an empty state. */
    public static ProgressState load(Path file) {
        ProgressState state = new ProgressState();
        if (!Files.exists(file)) {
            return state;
        }
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Properties p = new Properties();
            p.load(reader);
            for (Catalogue.Kata kata : Catalogue.KATAS) {
                String status = p.getProperty(kata.name() + ".status");
                if (status != null) {
                    String prefix = kata.name() + ".";
                    state.entries.put(kata.name(), new Entry(Status.valueOf(status),
                            Integer.parseInt(p.getProperty(prefix + "tests", "0")),
                            Integer.parseInt(p.getProperty(prefix + "failing", "0")),
                            p.getProperty(prefix + "firstFailure", ""),
                            instant(p.getProperty(prefix + "firstRun")),
                            instant(p.getProperty(prefix + "firstRed")),
                            instant(p.getProperty(prefix + "firstGreen")),
                            instant(p.getProperty(prefix + "lastRun")),
                            Integer.parseInt(p.getProperty(prefix + "partB.tests", "0")),
                            Integer.parseInt(p.getProperty(prefix + "partB.passing", "0"))));
                }
            }
            String last = p.getProperty("lastRun.katas", "");
            if (!last.isBlank()) {
                state.lastRunKatas.addAll(Arrays.asList(last.split(",")));
            }
        } catch (IOException | RuntimeException e) {
            // Corrupt or half-written by something else: start over rather than break the learner's run.
            ProgressState fresh = new ProgressState();
            fresh.recovered = true;
            return fresh;
        }
        return state;
    }

    /** True when the file existed but could not be read and the history was started afresh. */
    public boolean recovered() {
        return recovered;
    }

    public Entry entry(String kata) {
        return entries.get(kata);
    }

    /** The katas of the most recent run, in catalogue order. */
    public List<String> lastRunKatas() {
        return List.copyOf(lastRunKatas);
    }

    /** Records one kata's result of a run without a Part B that happened at {@code now}. */
    public void record(String kata, Status status, int tests, int failing, String firstFailure, Instant now) {
        record(kata, status, tests, failing, firstFailure, 0, 0, now);
    }

    /** Records one kata's result of a run that happened at {@code now}, with its Part B counts. */
    public void record(String kata, Status status, int tests, int failing, String firstFailure, int partBTests,
            int partBPassing, Instant now) {
        Entry old = entries.get(kata);
        if (partBTests == 0 && old != null) { // a run of Part A alone keeps Part B's last counts
            partBTests = old.partBTests();
            partBPassing = old.partBPassing();
        }
        Instant firstRun = old != null && old.firstRun() != null ? old.firstRun() : now;
        Instant firstRed = old != null && old.firstRed() != null ? old.firstRed()
                : status == Status.RED ? now : null;
        Instant firstGreen = old != null && old.firstGreen() != null ? old.firstGreen()
                : status == Status.GREEN ? now : null;
        entries.put(kata, new Entry(status, tests, failing, firstFailure == null ? "" : firstFailure, firstRun,
                firstRed, firstGreen, now, partBTests, partBPassing));
    }

    /**
     * Records a run of Part B alone ({@code -Dgroups=partB}): Part B's counts change, the kata's status (which
     * Part A decides) does not.
     */
    public void recordPartB(String kata, int partBTests, int partBPassing, Instant now) {
        Entry old = entries.get(kata);
        if (old == null) {
            entries.put(kata, new Entry(Status.NOT_STARTED, 0, 0, "", now, null, null, now, partBTests, partBPassing));
        } else {
            entries.put(kata, new Entry(old.status(), old.tests(), old.failing(), old.firstFailure(), old.firstRun(),
                    old.firstRed(), old.firstGreen(), now, partBTests, partBPassing));
        }
    }

    /** Remembers which katas the latest run covered (the board lists them). */
    public void setLastRun(List<String> katas) {
        lastRunKatas.clear();
        lastRunKatas.addAll(katas);
    }

    /** Writes the state to {@code file} atomically (temporary file in the same folder, then a move). */
    public void save(Path file) throws IOException {
        Properties p = new Properties();
        entries.forEach((kata, e) -> {
            String prefix = kata + ".";
            p.setProperty(prefix + "status", e.status().name());
            p.setProperty(prefix + "tests", Integer.toString(e.tests()));
            p.setProperty(prefix + "failing", Integer.toString(e.failing()));
            p.setProperty(prefix + "firstFailure", e.firstFailure());
            put(p, prefix + "firstRun", e.firstRun());
            put(p, prefix + "firstRed", e.firstRed());
            put(p, prefix + "firstGreen", e.firstGreen());
            put(p, prefix + "lastRun", e.lastRun());
            if (e.partBTests() > 0) {
                p.setProperty(prefix + "partB.tests", Integer.toString(e.partBTests()));
                p.setProperty(prefix + "partB.passing", Integer.toString(e.partBPassing()));
            }
        });
        p.setProperty("lastRun.katas", String.join(",", lastRunKatas));
        Path dir = file.toAbsolutePath().getParent();
        Path temp = Files.createTempFile(dir, FILE_NAME, ".tmp");
        try {
            try (Writer writer = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                p.store(writer, "ML katas progress, written by every test run. Delete it to start over.");
            }
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * The state file of the repository that contains {@code start}: the nearest folder upwards holding
     * katas.md and pom.xml, or {@code start} itself when there is none.
     */
    public static Path fileFor(Path start) {
        for (Path dir = start.toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("katas.md")) && Files.exists(dir.resolve("pom.xml"))) {
                return dir.resolve(FILE_NAME);
            }
        }
        return start.toAbsolutePath().resolve(FILE_NAME);
    }

    private static void put(Properties p, String key, Instant value) {
        if (value != null) {
            p.setProperty(key, value.toString());
        }
    }

    private static Instant instant(String value) {
        return value == null || value.isBlank() ? null : Instant.parse(value);
    }
}
