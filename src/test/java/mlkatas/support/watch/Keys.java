package mlkatas.support.watch;

import java.io.IOException;
import java.io.InputStream;
import java.util.function.IntConsumer;
import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * Reads the learner's keys on a background thread. On a terminal each key counts at once, without Enter (the
 * terminal is put in raw mode through JLine, and restored at exit); otherwise (a pipe, a file, CI) every
 * character read counts, and the end of input only stops the reading: watch mode goes on.
 */
final class Keys {

    private Keys() {
    }

    static void start(IntConsumer onKey) {
        Thread reader = new Thread(() -> read(onKey), "kata-watch-keys");
        reader.setDaemon(true);
        reader.start();
    }

    private static void read(IntConsumer onKey) {
        try {
            if (System.console() != null) {
                readTerminal(onKey);
            } else {
                readStream(System.in, onKey);
            }
        } catch (IOException e) {
            // No keys, then: saving files still runs the tests.
        }
    }

    private static void readTerminal(IntConsumer onKey) throws IOException {
        Terminal terminal = TerminalBuilder.builder().system(true).jni(true).build();
        Attributes original = terminal.enterRawMode();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            terminal.setAttributes(original);
            try {
                terminal.close();
            } catch (IOException e) {
                // the terminal is going away with the JVM
            }
        }));
        while (true) {
            int key = terminal.reader().read();
            if (key < 0) {
                return;
            }
            onKey.accept(key);
        }
    }

    static void readStream(InputStream in, IntConsumer onKey) throws IOException {
        int key;
        while ((key = in.read()) >= 0) {
            if (!Character.isWhitespace(key)) {
                onKey.accept(key);
            }
        }
    }
}
