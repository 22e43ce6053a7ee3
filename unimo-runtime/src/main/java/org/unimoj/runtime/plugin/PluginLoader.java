package org.unimoj.runtime.plugin;

import com.google.inject.Module;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.InvocationTargetException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.unimoj.api.SpiVersion;
import org.unimoj.api.rewrite.RewriterProvider;
import org.unimoj.api.task.TaskInfo;
import org.unimoj.api.task.TaskPlugin;

/**
 * Finds plugins: first on the application class path (built-ins), then in every {@code *.jar} of
 * the plugins directory, in file-name order. Each jar gets a class loader of its own whose parent
 * is the application's, so two plugins may carry different versions of a private library. A jar's
 * service entries are read and instantiated one by one, so a broken entry (missing class, class of
 * the wrong type, failing constructor) is reported with jar and class, and the rest still loads.
 */
public final class PluginLoader {

    private static final String TASK_SERVICE = "META-INF/services/" + TaskPlugin.class.getName();
    private static final String REWRITER_SERVICE = "META-INF/services/" + RewriterProvider.class.getName();
    private static final String MODULE_SERVICE = "META-INF/services/" + Module.class.getName();

    private final ClassLoader parent;
    private final Map<String, LoadedTask> tasks = new LinkedHashMap<>();
    private final Map<String, LoadedRewriter> rewriters = new LinkedHashMap<>();
    private final List<LoadedModule> modules = new ArrayList<>();
    private final List<PluginProblem> problems = new ArrayList<>();
    private final List<String> refusedTaskIds = new ArrayList<>();
    private final List<String> refusedRewriterNames = new ArrayList<>();

    private PluginLoader(ClassLoader parent) {
        this.parent = parent;
    }

    /**
     * Loads the built-ins visible from {@code parent} and the jars of {@code pluginsDir}.
     *
     * @param pluginsDir a directory of plugin jars, or {@code null} for built-ins only; a directory
     *                   that does not exist holds no plugins
     */
    public static PluginRegistry load(Path pluginsDir, ClassLoader parent) {
        PluginLoader loader = new PluginLoader(parent);
        loader.loadClassPath();
        if (pluginsDir != null && Files.isDirectory(pluginsDir)) {
            for (Path jar : jarsIn(pluginsDir, loader)) {
                loader.loadJar(jar);
            }
        }
        return new PluginRegistry(loader.tasks, loader.rewriters, loader.modules, loader.problems);
    }

    private static List<Path> jarsIn(Path dir, PluginLoader loader) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".jar") && Files.isRegularFile(p)).sorted().toList();
        } catch (IOException e) {
            loader.problems.add(new PluginProblem(PluginSource.CLASS_PATH, "cannot list plugins directory " + dir + ": " + e.getMessage()));
            return List.of();
        }
    }

    private void loadClassPath() {
        forEachOnClassPath(TaskPlugin.class, "task plugin", p -> addTask(p, PluginSource.CLASS_PATH));
        forEachOnClassPath(RewriterProvider.class, "rewriter", p -> addRewriter(p, PluginSource.CLASS_PATH));
    }

    /** Every provider of {@code service} visible from the parent loader; a broken entry is a problem, and the rest still load. */
    private <T> void forEachOnClassPath(Class<T> service, String kind, java.util.function.Consumer<T> action) {
        Iterator<T> it = ServiceLoader.load(service, parent).iterator();
        while (true) {
            T p;
            try {
                if (!it.hasNext()) {
                    return;
                }
                p = it.next();
            } catch (ServiceConfigurationError e) {
                problems.add(new PluginProblem(PluginSource.CLASS_PATH, "broken " + kind + " entry: " + e.getMessage()));
                continue;
            }
            action.accept(p);
        }
    }

    private void loadJar(Path jar) {
        PluginSource source = PluginSource.jar(jar);
        List<String> taskClasses;
        List<String> rewriterClasses;
        List<String> moduleClasses;
        try (JarFile jf = new JarFile(jar.toFile())) {
            Manifest mf = jf.getManifest();
            String declared = mf == null ? null : mf.getMainAttributes().getValue(SpiVersion.MANIFEST_ATTRIBUTE);
            if (declared != null && !declared.trim().equals(Integer.toString(SpiVersion.CURRENT))) {
                problems.add(new PluginProblem(source, "built for SPI version " + declared.trim()
                        + " but this runtime speaks SPI version " + SpiVersion.CURRENT + "; rebuild the plugin against this unimo-api"));
                return;
            }
            taskClasses = serviceEntries(jf, TASK_SERVICE, source);
            rewriterClasses = serviceEntries(jf, REWRITER_SERVICE, source);
            moduleClasses = serviceEntries(jf, MODULE_SERVICE, source);
        } catch (IOException e) {
            problems.add(new PluginProblem(source, "not a readable jar: " + e.getMessage()));
            return;
        }
        if (taskClasses.isEmpty() && rewriterClasses.isEmpty() && moduleClasses.isEmpty()) {
            problems.add(new PluginProblem(source, "declares no plugin (no META-INF/services entry for "
                    + TaskPlugin.class.getName() + ", " + RewriterProvider.class.getName() + " or " + Module.class.getName() + ")"));
            return;
        }
        URLClassLoader cl;
        try {
            cl = new URLClassLoader("plugin:" + jar.getFileName(), new URL[] {jar.toUri().toURL()}, parent);
        } catch (MalformedURLException e) {
            problems.add(new PluginProblem(source, "bad path: " + e.getMessage()));
            return;
        }
        // The class loader stays open for the life of the process: the plugin's classes live in it.
        for (String name : taskClasses) {
            TaskPlugin p = instantiate(name, TaskPlugin.class, cl, source);
            if (p != null) {
                addTask(p, source);
            }
        }
        for (String name : rewriterClasses) {
            RewriterProvider p = instantiate(name, RewriterProvider.class, cl, source);
            if (p != null) {
                addRewriter(p, source);
            }
        }
        for (String name : moduleClasses) {
            Module m = instantiate(name, Module.class, cl, source);
            if (m != null) {
                modules.add(new LoadedModule(m, source));
            }
        }
    }

    private List<String> serviceEntries(JarFile jf, String entryName, PluginSource source) throws IOException {
        JarEntry entry = jf.getJarEntry(entryName);
        if (entry == null) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        try (InputStream in = jf.getInputStream(entry);
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int lineNo = 0;
            while ((line = r.readLine()) != null) {
                lineNo++;
                int hash = line.indexOf('#');
                String name = (hash >= 0 ? line.substring(0, hash) : line).strip();
                if (name.isEmpty()) {
                    continue;
                }
                if (!isClassName(name)) {
                    problems.add(new PluginProblem(source, entryName + ":" + lineNo + ": '" + name + "' is not a class name"));
                    continue;
                }
                names.add(name);
            }
        }
        return names;
    }

    private static boolean isClassName(String s) {
        for (String part : s.split("\\.", -1)) {
            if (part.isEmpty() || !Character.isJavaIdentifierStart(part.codePointAt(0))
                    || !part.codePoints().allMatch(Character::isJavaIdentifierPart)) {
                return false;
            }
        }
        return true;
    }

    private <T> T instantiate(String className, Class<T> service, ClassLoader cl, PluginSource source) {
        String what = "service class " + className;
        try {
            Class<?> c = Class.forName(className, false, cl);
            if (!service.isAssignableFrom(c)) {
                problems.add(new PluginProblem(source, what + " does not implement " + service.getName()));
                return null;
            }
            return service.cast(c.getConstructor().newInstance());
        } catch (ClassNotFoundException | NoClassDefFoundError e) {
            problems.add(new PluginProblem(source, what + " not found in the jar or its parents (" + e.getMessage() + ")"));
        } catch (NoSuchMethodException e) {
            problems.add(new PluginProblem(source, what + " has no public no-argument constructor"));
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            problems.add(new PluginProblem(source, what + ": constructor threw " + cause.getClass().getName()
                    + (cause.getMessage() == null ? "" : ": " + cause.getMessage())));
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            problems.add(new PluginProblem(source, what + " cannot be created: " + e));
        }
        return null;
    }

    private void addTask(TaskPlugin p, PluginSource source) {
        TaskInfo info;
        try {
            info = p.info();
        } catch (RuntimeException | LinkageError e) {
            problems.add(new PluginProblem(source, "task plugin " + p.getClass().getName() + ": info() failed: " + e));
            return;
        }
        if (info == null) {
            problems.add(new PluginProblem(source, "task plugin " + p.getClass().getName() + ": info() returned null"));
            return;
        }
        if (info.spiVersion() != SpiVersion.CURRENT) {
            problems.add(new PluginProblem(source, "task plugin " + p.getClass().getName() + " (task id '" + info.id() + "') is built for SPI version "
                    + info.spiVersion() + " but this runtime speaks SPI version " + SpiVersion.CURRENT));
            return;
        }
        String id = info.id();
        if (refusedTaskIds.contains(id)) {
            problems.add(new PluginProblem(source, "duplicate task id '" + id + "' (" + p.getClass().getName() + ") is provided more than once"));
            return;
        }
        LoadedTask earlier = tasks.get(id);
        if (earlier != null) {
            tasks.remove(id);
            refusedTaskIds.add(id);
            problems.add(new PluginProblem(source, "duplicate task id '" + id + "': provided by " + earlier.source()
                    + " (" + earlier.plugin().getClass().getName() + ") and by " + source + " (" + p.getClass().getName()
                    + "); remove one of the two jars"));
            return;
        }
        tasks.put(id, new LoadedTask(p, info, source));
    }

    private void addRewriter(RewriterProvider p, PluginSource source) {
        String name;
        int spi;
        try {
            name = p.name();
            spi = p.spiVersion();
        } catch (RuntimeException | LinkageError e) {
            problems.add(new PluginProblem(source, "rewriter " + p.getClass().getName() + ": " + e));
            return;
        }
        if (spi != SpiVersion.CURRENT) {
            problems.add(new PluginProblem(source, "rewriter " + p.getClass().getName() + " (rewriter name '" + name + "') is built for SPI version "
                    + spi + " but this runtime speaks SPI version " + SpiVersion.CURRENT));
            return;
        }
        if (refusedRewriterNames.contains(name)) {
            problems.add(new PluginProblem(source, "duplicate rewriter name '" + name + "' is provided more than once"));
            return;
        }
        LoadedRewriter earlier = rewriters.get(name);
        if (earlier != null) {
            rewriters.remove(name);
            refusedRewriterNames.add(name);
            problems.add(new PluginProblem(source, "duplicate rewriter name '" + name + "': provided by " + earlier.source()
                    + " and by " + source + "; remove one of the two"));
            return;
        }
        rewriters.put(name, new LoadedRewriter(p, source));
    }
}
