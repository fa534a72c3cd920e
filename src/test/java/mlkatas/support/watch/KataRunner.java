package mlkatas.support.watch;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * Runs one kata's test class in a fresh class loader, so that every run sees the classes just compiled and
 * starts from clean static state; the libraries (JUnit, AssertJ, ...) stay loaded, and warm, in the parent.
 */
final class KataRunner {

    private final List<Path> classFolders;

    /** @param classFolders the learner's freshly compiled classes first, then Maven's classes and test classes */
    KataRunner(List<Path> classFolders) {
        this.classFolders = classFolders;
    }

    void run(String testClassName) throws IOException, ClassNotFoundException {
        URL[] urls = new URL[classFolders.size()];
        for (int i = 0; i < urls.length; i++) {
            urls[i] = classFolders.get(i).toUri().toURL();
        }
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        try (KataClassLoader loader = new KataClassLoader(urls, KataRunner.class.getClassLoader())) {
            thread.setContextClassLoader(loader);
            LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                    .selectors(selectClass(loader.loadClass(testClassName)))
                    .build();
            Launcher launcher = LauncherFactory.create();
            launcher.execute(request);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /**
     * Child-first for the project's classes ({@code mlkatas.*}, watch mode itself excepted), parent-first for
     * everything else: the kata, its tests and the test support are loaded afresh on every run.
     */
    static final class KataClassLoader extends URLClassLoader {

        static {
            registerAsParallelCapable();
        }

        KataClassLoader(URL[] urls, ClassLoader parent) {
            super(urls, parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith("mlkatas.") || name.startsWith("mlkatas.support.watch.")) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                if (loaded == null) {
                    try {
                        loaded = findClass(name);
                    } catch (ClassNotFoundException e) {
                        loaded = super.loadClass(name, false);
                    }
                }
                if (resolve) {
                    resolveClass(loaded);
                }
                return loaded;
            }
        }

        @Override
        public URL getResource(String name) {
            URL own = findResource(name);
            return own != null ? own : super.getResource(name);
        }
    }
}
