package mlkatas.support.progress;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import mlkatas.support.progress.ProgressState.Status;

/**
 * Prints the progress board at the end of a Maven build, after Surefire's summary, and fails the build when a
 * kata of this run is not green. The build runs it right after the tests (see pom.xml, execution
 * {@code progress-board}); Surefire itself is told to record failures without stopping, so that this board is
 * the last thing a learner sees.
 *
 * <p>Arguments: the project folder and the build's run id. If the tests of this build did not record that run
 * id (no kata test ran), nothing is printed and the build's fate is Surefire's.
 */
public final class BoardReport {

    private BoardReport() {
    }

    public static void main(String[] args) {
        Path file = ProgressState.fileFor(Path.of(args[0]));
        ProgressState state = ProgressState.load(file);
        if (args.length > 1 && !args[1].equals(state.lastRunId())) {
            return;
        }
        System.out.println(Board.render(state, Instant.now()));
        List<String> notGreen = state.lastRunKatas().stream()
                .filter(k -> state.entry(k) == null || state.entry(k).status() != Status.GREEN).toList();
        if (!notGreen.isEmpty()) {
            throw new KatasNotGreen(notGreen.size() == 1 ? "1 kata is not green yet: " + Catalogue.byName(notGreen.get(0)).map(Catalogue.Kata::title).orElse(notGreen.get(0))
                    : notGreen.size() + " katas are not green yet (see the board above)");
        }
    }

    /** The build's failure: a plain message, no stack trace worth reading. */
    static final class KatasNotGreen extends RuntimeException {
        private static final long serialVersionUID = 1L;

        KatasNotGreen(String message) {
            super(message, null, false, false);
        }
    }
}
