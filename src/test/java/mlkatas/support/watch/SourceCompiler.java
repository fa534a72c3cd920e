package mlkatas.support.watch;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles the learner's changed source files in this JVM (javax.tools), into a folder of watch mode's own,
 * against the classes Maven built. The compiler stays warm between saves, which is what makes a save fast.
 */
final class SourceCompiler {

    /** What a compilation gave: nothing (it compiled), or javac's diagnostics as {@code file:line: message}. */
    record Result(boolean compiled, List<String> diagnostics) {
    }

    private final JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    private final Path root;
    private final Path output;
    private final String classPath;

    SourceCompiler(Path root, Path output, String classPath) {
        this.root = root;
        this.output = output;
        this.classPath = classPath;
        if (javac == null) {
            throw new IllegalStateException("watch mode needs a JDK, not a JRE: no Java compiler in " 
                    + System.getProperty("java.home"));
        }
    }

    Result compile(Collection<Path> sources) throws IOException {
        Files.createDirectories(output);
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
            List<String> options = List.of("-d", output.toString(), "-cp", output + java.io.File.pathSeparator + classPath,
                    "--release", "17", "-parameters", "-proc:none", "-implicit:none", "-encoding", "UTF-8", "-nowarn");
            StringWriter other = new StringWriter();
            boolean ok = javac.getTask(other, files, diagnostics, options, null,
                    files.getJavaFileObjectsFromPaths(sources)).call();
            List<String> lines = new ArrayList<>();
            for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                if (d.getKind() == Diagnostic.Kind.ERROR) {
                    lines.add(where(d) + ": " + d.getMessage(Locale.ROOT));
                }
            }
            if (!ok && lines.isEmpty() && !other.toString().isBlank()) {
                lines.add(other.toString().strip());
            }
            return new Result(ok, lines);
        }
    }

    private String where(Diagnostic<? extends JavaFileObject> d) {
        if (d.getSource() == null) {
            return "javac";
        }
        Path file = Path.of(d.getSource().toUri());
        String shown = file.startsWith(root) ? root.relativize(file).toString() : file.toString();
        return shown.replace('\\', '/') + ":" + d.getLineNumber();
    }
}
