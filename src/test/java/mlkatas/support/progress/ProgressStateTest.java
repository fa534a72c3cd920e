package mlkatas.support.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import mlkatas.support.progress.ProgressState.Status;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Progress board: the state file and the board")
class ProgressStateTest {

    private static final Instant MONDAY = Instant.parse("2026-11-16T19:00:00Z");

    @TempDir
    Path dir;

    @Test
    @DisplayName("a missing file gives an empty history")
    void missingFile() {
        ProgressState state = ProgressState.load(dir.resolve(ProgressState.FILE_NAME));

        assertThat(state.entry("Adam")).isNull();
        assertThat(state.recovered()).isFalse();
    }

    @Test
    @DisplayName("a corrupt file is started afresh, never a crash")
    void corruptFile() throws IOException {
        Path file = dir.resolve(ProgressState.FILE_NAME);
        Files.writeString(file, "Adam.status=HALF_WRITTEN\nAdam.tests=x\n", StandardCharsets.UTF_8);

        ProgressState state = ProgressState.load(file);

        assertThat(state.recovered()).isTrue();
        assertThat(state.entry("Adam")).isNull();
        assertThat(Board.render(state, MONDAY)).contains("started afresh");
    }

    @Test
    @DisplayName("first red and first green are kept across runs and survive a round trip")
    void historyKept() throws IOException {
        Path file = dir.resolve(ProgressState.FILE_NAME);
        ProgressState state = ProgressState.load(file);
        state.record("Adam", Status.NOT_STARTED, 12, 12, "Examples > first step", MONDAY);
        state.record("Adam", Status.RED, 12, 3, "Examples > first step", MONDAY.plus(Duration.ofMinutes(5)));
        state.record("Adam", Status.GREEN, 12, 0, null, MONDAY.plus(Duration.ofMinutes(47)));
        state.record("Adam", Status.RED, 12, 1, "Mistakes > bias", MONDAY.plus(Duration.ofDays(1)));
        state.setLastRun(List.of("Adam"));
        state.save(file);

        ProgressState again = ProgressState.load(file);

        ProgressState.Entry adam = again.entry("Adam");
        assertThat(adam.status()).isEqualTo(Status.RED);
        assertThat(adam.firstRun()).isEqualTo(MONDAY);
        assertThat(adam.firstRed()).isEqualTo(MONDAY.plus(Duration.ofMinutes(5)));
        assertThat(adam.firstGreen()).isEqualTo(MONDAY.plus(Duration.ofMinutes(47)));
        assertThat(adam.firstFailure()).isEqualTo("Mistakes > bias");
        assertThat(again.lastRunKatas()).containsExactly("Adam");
    }

    @Test
    @DisplayName("saving leaves exactly one file behind (written to a temporary file, then moved)")
    void atomicSave() throws IOException {
        Path file = dir.resolve(ProgressState.FILE_NAME);
        ProgressState state = ProgressState.load(file);
        state.record("Pca", Status.GREEN, 20, 0, null, MONDAY);
        state.save(file);
        state.save(file);

        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly(ProgressState.FILE_NAME);
        }
    }

    @Test
    @DisplayName("after a run of one kata, next up is the next unfinished kata after it, not the first of all")
    void nextUpFollowsTheKataJustRun() {
        ProgressState state = new ProgressState();
        state.record("AbTest", Status.RED, 20, 3, "Mistakes > pooled variance for the interval", MONDAY);
        state.record("LatencyPercentiles", Status.GREEN, 15, 0, null, MONDAY);
        state.setLastRun(List.of("AbTest"));

        assertThat(Board.render(state, MONDAY)).contains("Next up: 9.7 Int8Quantization")
                .contains("                Mistakes > pooled variance for the interval");

        state.record("RequestBatcher", Status.RED, 20, 3, "Examples > one batch", MONDAY);
        state.setLastRun(List.of("RequestBatcher"));
        assertThat(Board.render(state, MONDAY)).contains("Next up: 1.1 LinearRegression");
    }

    @Test
    @DisplayName("Part B is optional: a kata is green with its Part B counted apart")
    void partBApart() {
        ProgressState state = new ProgressState();
        state.record("BatchNorm", Status.GREEN, 28, 0, null, 16, 3, MONDAY);
        state.setLastRun(List.of("BatchNorm"));

        assertThat(Board.render(state, MONDAY)).contains("4 Neural Networks           1/6")
                .contains("[green]       4.3 BatchNorm                 28 tests pass, Part B: 3 of 16 pass");
    }

    @Test
    @DisplayName("the board counts green katas per category and names the next kata")
    void board() {
        ProgressState state = new ProgressState();
        state.record("LinearRegression", Status.RED, 27, 2, "Examples > one step", MONDAY);
        state.record("LinearRegression", Status.GREEN, 27, 0, null, MONDAY.plus(Duration.ofMinutes(30)));
        state.record("LogisticRegression", Status.NOT_STARTED, 20, 20, "Examples > x", MONDAY);
        state.setLastRun(List.of("LinearRegression", "LogisticRegression"));

        String board = Board.render(state, MONDAY.plus(Duration.ofHours(1)));

        assertThat(board).contains("ML katas: 1/41 done")
                .contains("1 Core ML Algorithms        1/5")
                .contains("[green]       1.1 LinearRegression          27 tests pass, green 30 min after its first red run")
                .contains("[not started] 1.2 LogisticRegression")
                .contains("Next up: 1.2 LogisticRegression, see katas.md#12-logisticregression");
    }

    @Test
    @DisplayName("the state file is found at the repository root from any folder below it")
    void fileAtRoot() throws IOException {
        Files.writeString(dir.resolve("katas.md"), "# katas");
        Files.writeString(dir.resolve("pom.xml"), "<project/>");
        Path deep = Files.createDirectories(dir.resolve("src/test/java"));

        assertThat(ProgressState.fileFor(deep)).isEqualTo(dir.resolve(ProgressState.FILE_NAME));
    }

    @Test
    @DisplayName("the file carries its format version, and practice records survive a round trip")
    void practiceRoundTrip() throws IOException {
        Path file = dir.resolve(ProgressState.FILE_NAME);
        ProgressState state = new ProgressState();
        state.record("Adam", Status.GREEN, 12, 0, null, MONDAY);
        state.setHintTiers("Adam", 2);
        state.setInterview("Adam", MONDAY.plus(Duration.ofDays(2)));
        state.addAttempt("Adam", new ProgressState.Attempt(MONDAY, 47, 1, false));
        state.setReview("Adam", new ProgressState.Review(2, MONDAY.plus(Duration.ofDays(7))));
        state.save(file);

        ProgressState again = ProgressState.load(file);

        assertThat(Files.readString(file)).contains("format.version=" + ProgressState.FORMAT_VERSION);
        assertThat(again.notice()).isEmpty();
        assertThat(again.hintTiers("Adam")).isEqualTo(2);
        assertThat(again.interviewStarted("Adam")).contains(MONDAY.plus(Duration.ofDays(2)));
        assertThat(again.attempts("Adam")).containsExactly(new ProgressState.Attempt(MONDAY, 47, 1, false));
        assertThat(again.review("Adam")).isEqualTo(new ProgressState.Review(2, MONDAY.plus(Duration.ofDays(7))));
    }

    @Test
    @DisplayName("a file without a version (the board alone) is migrated: green katas get their first review")
    void olderFileMigrated() throws IOException {
        Path file = dir.resolve(ProgressState.FILE_NAME);
        Files.writeString(file, String.join("\n", "Pca.status=GREEN", "Pca.tests=20", "Pca.failing=0",
                "Pca.firstRun=2026-11-16T19\\:00\\:00Z", "Pca.firstRed=2026-11-16T19\\:00\\:00Z",
                "Pca.firstGreen=2026-11-16T19\\:30\\:00Z", "Relu.status=RED", "lastRun.katas=Pca", ""));

        ProgressState state = ProgressState.load(file);

        assertThat(state.recovered()).isFalse();
        assertThat(state.notice()).hasValueSatisfying(n -> assertThat(n).contains("older version"));
        assertThat(state.entry("Relu").status()).isEqualTo(Status.RED);
        assertThat(state.review("Pca").due()).isEqualTo(Instant.parse("2026-11-17T19:30:00Z"));
        assertThat(state.attempts("Pca")).extracting(ProgressState.Attempt::minutes).containsExactly(30L);
        assertThat(state.review("Relu")).isNull();
    }

    @Test
    @DisplayName("a damaged kata is dropped, the others kept, and a copy of the damaged file is left")
    void damagedKataDropped() throws IOException {
        Path file = dir.resolve(ProgressState.FILE_NAME);
        String damaged = "format.version=2\nPca.status=GREEN\nAdam.status=RED\nAdam.attempt.1=yesterday\n";
        Files.writeString(file, damaged);

        ProgressState state = ProgressState.load(file);

        assertThat(state.recovered()).isTrue();
        assertThat(state.entry("Adam")).isNull();
        assertThat(state.entry("Pca").status()).isEqualTo(Status.GREEN);
        assertThat(state.notice()).hasValueSatisfying(n -> assertThat(n).contains("Adam", ProgressState.DAMAGED_COPY));
        assertThat(dir.resolve(ProgressState.DAMAGED_COPY)).hasContent(damaged.strip());
    }

    @Test
    @DisplayName("a file that is not a properties file at all is started afresh, never a crash")
    void unreadableFile() throws IOException {
        Path file = dir.resolve(ProgressState.FILE_NAME);
        Files.writeString(file, "Adam.status=\\uZZZZ\n");

        ProgressState state = ProgressState.load(file);

        assertThat(state.recovered()).isTrue();
        assertThat(Board.render(state, MONDAY)).contains("could not be read at all").contains("started afresh");
    }

    @Test
    @DisplayName("keys this version does not know are written back unchanged")
    void unknownKeysKept() throws IOException {
        Path file = dir.resolve(ProgressState.FILE_NAME);
        Files.writeString(file, "format.version=3\nAdam.status=RED\nAdam.somethingNew=42\nelsewhere.key=x\n");

        ProgressState state = ProgressState.load(file);
        state.save(file);

        assertThat(state.notice()).hasValueSatisfying(n -> assertThat(n).contains("newer version"));
        assertThat(Files.readString(file)).contains("Adam.somethingNew=42", "elsewhere.key=x", "format.version=2");
    }
}
