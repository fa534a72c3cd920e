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
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * A learner's progress, kept across runs in {@value #FILE_NAME} at the repository root (git-ignored, and
 * outside {@code target/} so {@code mvn clean} keeps it).
 *
 * <p>For each kata: its last state, the test counts of its last run, the first failing test, and when it
 * first ran, first went red and first went green (time to green is what a learner cares about); then the
 * practice record: hint tiers shown, an open mock interview, the timed attempts and the next review.
 *
 * <p>The file carries {@value #VERSION_KEY}. It is written to a temporary file and moved into place atomically,
 * so a crash mid-write leaves the old file whole. Reading never stops a test run: a file without a version
 * (written before practice records existed) is migrated, every green kata getting its first review; a kata
 * whose lines cannot be read is dropped and the rest kept, with a copy of the damaged file left in
 * {@value #DAMAGED_COPY}; keys this version does not know are written back unchanged. {@link #notice()} says
 * what happened.
 */
public final class ProgressState {

    public static final String FILE_NAME = ".kata-progress";
    /** Where a damaged progress file is copied before it is rebuilt (git ignores it too). */
    public static final String DAMAGED_COPY = FILE_NAME + ".damaged";
    public static final String VERSION_KEY = "format.version";
    /** 1: the board alone (no version key); 2: hints, interviews, attempts and reviews. */
    public static final int FORMAT_VERSION = 2;

    /** Where a kata stands. */
    public enum Status { NOT_STARTED, RED, GREEN }

    /**
     * The record of one kata. Times are null until the event happens. {@code tests} and {@code failing} count
     * the tests outside the optional Part B, which has its own counts (0 tests when the kata has no Part B).
     */
    public record Entry(Status status, int tests, int failing, String firstFailure, Instant firstRun,
                        Instant firstRed, Instant firstGreen, Instant lastRun, int partBTests, int partBPassing) {
    }

    /**
     * One timed solve of a kata: when it went green, how many whole minutes it took, how many hint tiers were
     * shown, and whether it was a mock interview (otherwise the first solve, timed from its first red run).
     */
    public record Attempt(Instant date, long minutes, int hints, boolean interview) {
    }

    /** A green kata's place on the review ladder ({@link ReviewSchedule#INTERVAL_DAYS}) and when it is due. */
    public record Review(int step, Instant due) {
    }

    private static final String LAST_RUN_KEY = "lastRun.katas";
    private static final Pattern KATA_KEY = Pattern.compile("(status|tests|failing|firstFailure|firstRun|firstRed"
            + "|firstGreen|lastRun|partB\\.tests|partB\\.passing|hints|interview\\.started|review\\.step"
            + "|review\\.due|attempt\\.\\d+)");

    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private final Map<String, Integer> hintTiers = new LinkedHashMap<>();
    private final Map<String, Instant> interviews = new LinkedHashMap<>();
    private final Map<String, List<Attempt>> attempts = new LinkedHashMap<>();
    private final Map<String, Review> reviews = new LinkedHashMap<>();
    private final List<String> lastRunKatas = new ArrayList<>();
    /** Keys of the file this version does not know (a newer version's, or another tool's): kept as they were. */
    private final Properties unknown = new Properties();
    private boolean recovered;
    private String notice;

    /** Reads the state at {@code file}; a missing file gives an empty state, an old or damaged one is repaired. */
    public static ProgressState load(Path file) {
        ProgressState state = new ProgressState();
        if (!Files.exists(file)) {
            return state;
        }
        Properties p = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(reader);
        } catch (IOException | RuntimeException e) {
            // Not even readable as a properties file (half-written by something else, a bad encoding).
            state.damaged(file, "could not be read at all");
            return state;
        }
        int version = version(p);
        List<String> dropped = new ArrayList<>();
        for (Catalogue.Kata kata : Catalogue.KATAS) {
            try {
                state.readKata(p, kata.name());
            } catch (RuntimeException e) {
                state.forget(kata.name());
                dropped.add(kata.name());
            }
        }
        String last = p.getProperty(LAST_RUN_KEY, "");
        if (!last.isBlank()) {
            state.lastRunKatas.addAll(Arrays.asList(last.split(",")));
        }
        p.stringPropertyNames().stream().filter(key -> !owned(key)).forEach(key -> state.unknown.put(key, p.get(key)));
        if (version < 0 || !dropped.isEmpty()) {
            state.damaged(file, dropped.isEmpty() ? "had an unreadable " + VERSION_KEY
                    : "had unreadable lines for " + String.join(", ", dropped));
        } else if (version < FORMAT_VERSION && !state.entries.isEmpty()) {
            state.notice = "(the progress file was from an older version of the katas and has been upgraded: every"
                    + " green kata is now scheduled for review)";
        } else if (version > FORMAT_VERSION) {
            state.notice = "(the progress file was written by a newer version of the katas: what this version"
                    + " does not know is kept as it was)";
        }
        if (version < FORMAT_VERSION) {
            ReviewSchedule.scheduleNewlyGreen(state);
        }
        return state;
    }

    /** The file's format version: 1 when it has none (it predates versions), -1 when it is unreadable. */
    private static int version(Properties p) {
        String version = p.getProperty(VERSION_KEY);
        if (version == null) {
            return 1;
        }
        try {
            return Integer.parseInt(version.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private void readKata(Properties p, String kata) {
        String prefix = kata + ".";
        String status = p.getProperty(prefix + "status");
        if (status != null) {
            entries.put(kata, new Entry(Status.valueOf(status),
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
        int hints = Integer.parseInt(p.getProperty(prefix + "hints", "0"));
        if (hints < 0) {
            throw new IllegalArgumentException("negative hints");
        }
        if (hints > 0) {
            hintTiers.put(kata, hints);
        }
        Instant started = instant(p.getProperty(prefix + "interview.started"));
        if (started != null) {
            interviews.put(kata, started);
        }
        Instant due = instant(p.getProperty(prefix + "review.due"));
        if (due != null) {
            int step = Integer.parseInt(p.getProperty(prefix + "review.step", "0"));
            reviews.put(kata, new Review(Math.max(0, Math.min(step, ReviewSchedule.INTERVAL_DAYS.size() - 1)), due));
        }
        List<Attempt> list = new ArrayList<>();
        for (int i = 1; p.getProperty(prefix + "attempt." + i) != null; i++) {
            String[] fields = p.getProperty(prefix + "attempt." + i).strip().split("\\s+");
            if (fields.length != 4 || !(fields[3].equals("interview") || fields[3].equals("first"))) {
                throw new IllegalArgumentException("bad attempt");
            }
            list.add(new Attempt(Instant.parse(fields[0]), Long.parseLong(fields[1]), Integer.parseInt(fields[2]),
                    fields[3].equals("interview")));
        }
        if (!list.isEmpty()) {
            attempts.put(kata, list);
        }
    }

    private void forget(String kata) {
        entries.remove(kata);
        hintTiers.remove(kata);
        interviews.remove(kata);
        reviews.remove(kata);
        attempts.remove(kata);
    }

    /** Keeps a copy of the damaged file next to it (the next save replaces the file) and says so. */
    private void damaged(Path file, String what) {
        recovered = true;
        Path copy = file.resolveSibling(DAMAGED_COPY);
        String kept;
        try {
            Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
            kept = "a copy of it is in " + DAMAGED_COPY;
        } catch (IOException e) {
            kept = "no copy could be kept: " + e.getMessage();
        }
        notice = "(the progress file " + what + "; what could be read was kept and the rest started afresh; "
                + kept + ")";
    }

    private static boolean owned(String key) {
        if (key.equals(VERSION_KEY) || key.equals(LAST_RUN_KEY)) {
            return true;
        }
        int dot = key.indexOf('.');
        return dot > 0 && Catalogue.byName(key.substring(0, dot)).isPresent()
                && KATA_KEY.matcher(key.substring(dot + 1)).matches();
    }

    /** True when the file existed but was damaged, and what could not be read was started afresh. */
    public boolean recovered() {
        return recovered;
    }

    /** What loading had to do (a migration, a repair), for the board to say once; empty when nothing. */
    public Optional<String> notice() {
        return Optional.ofNullable(notice);
    }

    public Entry entry(String kata) {
        return entries.get(kata);
    }

    /** The katas of the most recent run, in catalogue order. */
    public List<String> lastRunKatas() {
        return List.copyOf(lastRunKatas);
    }

    /** How many hint tiers have been shown for {@code kata} in its current attempt (0 to 3). */
    public int hintTiers(String kata) {
        return hintTiers.getOrDefault(kata, 0);
    }

    public void setHintTiers(String kata, int tiers) {
        if (tiers == 0) {
            hintTiers.remove(kata);
        } else {
            hintTiers.put(kata, tiers);
        }
    }

    /** When the open mock interview of {@code kata} started, if one is open. */
    public Optional<Instant> interviewStarted(String kata) {
        return Optional.ofNullable(interviews.get(kata));
    }

    /** Opens a mock interview of {@code kata} (replacing an open one), or closes it when {@code started} is null. */
    public void setInterview(String kata, Instant started) {
        if (started == null) {
            interviews.remove(kata);
        } else {
            interviews.put(kata, started);
        }
    }

    /** The timed attempts of {@code kata}, oldest first. */
    public List<Attempt> attempts(String kata) {
        return List.copyOf(attempts.getOrDefault(kata, List.of()));
    }

    public void addAttempt(String kata, Attempt attempt) {
        attempts.computeIfAbsent(kata, k -> new ArrayList<>()).add(attempt);
    }

    /** The next review of {@code kata}, or null when it has none (it has never been green). */
    public Review review(String kata) {
        return reviews.get(kata);
    }

    public void setReview(String kata, Review review) {
        reviews.put(kata, review);
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
        p.putAll(unknown);
        p.setProperty(VERSION_KEY, Integer.toString(FORMAT_VERSION));
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
        hintTiers.forEach((kata, tiers) -> p.setProperty(kata + ".hints", Integer.toString(tiers)));
        interviews.forEach((kata, started) -> put(p, kata + ".interview.started", started));
        reviews.forEach((kata, review) -> {
            p.setProperty(kata + ".review.step", Integer.toString(review.step()));
            put(p, kata + ".review.due", review.due());
        });
        attempts.forEach((kata, list) -> {
            for (int i = 0; i < list.size(); i++) {
                Attempt a = list.get(i);
                p.setProperty(kata + ".attempt." + (i + 1), a.date() + " " + a.minutes() + " " + a.hints() + " "
                        + (a.interview() ? "interview" : "first"));
            }
        });
        p.setProperty(LAST_RUN_KEY, String.join(",", lastRunKatas));
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
