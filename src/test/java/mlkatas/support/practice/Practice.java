package mlkatas.support.practice;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import mlkatas.support.progress.Board;
import mlkatas.support.progress.Catalogue;
import mlkatas.support.progress.Catalogue.Kata;
import mlkatas.support.progress.ProgressState;
import mlkatas.support.progress.ReviewSchedule;

/**
 * The practice commands of {@code tools/kata}, run from the repository's top folder:
 *
 * <pre>
 *   hint &lt;Kata&gt;        the next hint tier (the matching pitfall first)
 *   answers &lt;Kata&gt;     the answers to the kata's interview follow-ups
 *   board              the progress board, with the katas due for review
 *   pick [&lt;n&gt;|&lt;Kata&gt;] print the name of the kata a mock interview takes (exit status 1: none)
 *   start &lt;Kata&gt;       open a mock interview: record its start, print the statement
 *   abandon &lt;Kata&gt;     close an open mock interview without an attempt (after tools/kata restore)
 * </pre>
 *
 * The git side of an interview (saving the learner's file, putting the stub in place, restoring) is the
 * script's. Needs only the JDK: the script compiles this package and what it uses straight from the sources, so
 * it works while the learner's own code does not compile.
 */
public final class Practice {

    private Practice() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 0) {
            fail("usage: Practice hint|answers|board|pick|start|abandon [<Kata>|<category>]");
        }
        Path root = Path.of("").toAbsolutePath();
        Path katasMd = root.resolve("katas.md");
        Path file = ProgressState.fileFor(root);
        ProgressState state = ProgressState.load(file);
        if (!args[0].equals("board")) { // the board shows it itself
            state.notice().ifPresent(System.err::println);
        }
        Instant now = new ReviewSchedule(ReviewSchedule.clockFromEnvironment()).now();
        String argument = args.length > 1 ? args[1] : null;
        switch (args[0]) {
            case "hint" -> {
                String text = Hints.next(root, kata(argument), state);
                state.save(file);
                System.out.print(text);
            }
            case "answers" -> System.out.print(Interviews.answers(state, kata(argument), katasMd));
            case "board" -> System.out.print(Board.render(state, now));
            case "pick" -> {
                if (argument != null && Catalogue.byName(argument).isEmpty() && !argument.matches("[1-9]")) {
                    fail("tools/kata interview: '" + argument + "' is neither a kata (class names as in katas.md,"
                            + " e.g. Adam) nor a category number from 1 to " + Catalogue.CATEGORIES.size());
                }
                Optional<Kata> kata = Interviews.pick(state, argument, now);
                if (kata.isEmpty()) {
                    fail("tools/kata interview: nothing is due for review and every kata"
                            + (argument == null ? "" : " of category " + argument) + " has been started;"
                            + " name one to practise it anyway: tools/kata interview <Kata>");
                }
                System.out.println(kata.get().name());
            }
            case "start" -> {
                String text = Interviews.start(state, kata(argument), katasMd, now);
                state.save(file);
                System.out.print(text);
            }
            case "abandon" -> {
                if (Interviews.abandon(state, kata(argument))) {
                    state.save(file);
                    System.out.println("the mock interview of " + kata(argument).title() + " is closed, unrecorded");
                }
            }
            default -> fail("Practice: unknown command '" + args[0] + "'");
        }
    }

    private static Kata kata(String name) {
        if (name == null) {
            fail("tools/kata: name a kata (class names as in katas.md, e.g. Adam)");
        }
        return Catalogue.byName(name).orElseGet(() -> {
            fail("tools/kata: no kata named '" + name + "' (class names as in katas.md, e.g. Adam, LinearRegression)");
            return null;
        });
    }

    private static void fail(String message) {
        System.err.println(message);
        System.exit(1);
    }
}
