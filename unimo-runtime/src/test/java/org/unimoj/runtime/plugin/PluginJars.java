package org.unimoj.runtime.plugin;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Builds real plugin jars at test time: writes Java sources, compiles them with javax.tools against
 * the test class path (so against this build's unimo-api), and packages the classes with the given
 * META-INF/services entries and manifest attributes.
 */
public final class PluginJars {

    private PluginJars() {}

    /** The source of a task plugin class {@code pkg.name} that reports the given id, version and SPI version. */
    public static String taskPluginSource(String pkg, String name, String id, String version, String spi, String constructorBody) {
        return """
                package %s;

                import java.util.List;
                import java.util.Set;
                import org.unimoj.api.Modality;
                import org.unimoj.api.task.Task;
                import org.unimoj.api.task.TaskContext;
                import org.unimoj.api.task.TaskInfo;
                import org.unimoj.api.task.TaskPlugin;

                public final class %s implements TaskPlugin {
                    public %s() { %s }
                    @Override public TaskInfo info() {
                        return new TaskInfo("%s", "%s", %s, "a test task compiled at test time", Set.of(Modality.TEXT), List.of());
                    }
                    @Override public Task<?> open(String subtask, TaskContext context) {
                        throw new IllegalArgumentException("test plugin %s opens no task");
                    }
                }
                """.formatted(pkg, name, name, constructorBody, id, version, spi, id);
    }

    /**
     * Compiles {@code sources} (fully qualified class name to source) and writes a jar.
     *
     * @param services  service interface name to the lines of its META-INF/services file
     * @param manifest  extra main manifest attributes
     */
    public static Path build(Path jar, Map<String, String> sources, Map<String, List<String>> services, Map<String, String> manifest) throws IOException {
        Path work = Files.createTempDirectory(jar.getParent(), "src");
        Path classes = Files.createDirectories(work.resolve("classes"));
        List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-cp", System.getProperty("java.class.path"), "-proc:none"));
        for (Map.Entry<String, String> e : sources.entrySet()) {
            Path src = work.resolve(e.getKey().replace('.', '/') + ".java");
            Files.createDirectories(src.getParent());
            Files.writeString(src, e.getValue());
            args.add(src.toString());
        }
        if (!sources.isEmpty()) {
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            int rc = javac.run(null, null, null, args.toArray(String[]::new));
            if (rc != 0) {
                throw new IllegalStateException("compiling the test plugin failed, rc=" + rc);
            }
        }
        Manifest mf = new Manifest();
        mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.forEach((k, v) -> mf.getMainAttributes().put(new Attributes.Name(k), v));
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jos = new JarOutputStream(out, mf)) {
            try (Stream<Path> files = Files.walk(classes)) {
                for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
                    jos.putNextEntry(new JarEntry(classes.relativize(p).toString().replace('\\', '/')));
                    Files.copy(p, jos);
                    jos.closeEntry();
                }
            }
            for (Map.Entry<String, List<String>> e : services.entrySet()) {
                jos.putNextEntry(new JarEntry("META-INF/services/" + e.getKey()));
                jos.write((String.join("\n", e.getValue()) + "\n").getBytes(StandardCharsets.UTF_8));
                jos.closeEntry();
            }
        }
        return jar;
    }

    /** A jar holding one task plugin {@code test.<name>} with the given id, version and SPI version. */
    public static Path taskPlugin(Path dir, String jarName, String name, String id, String version, int spi) throws IOException {
        return build(dir.resolve(jarName), Map.of("test." + name, taskPluginSource("test", name, id, version, Integer.toString(spi), "")),
                Map.of("org.unimoj.api.task.TaskPlugin", List.of("test." + name)), Map.of());
    }
}
