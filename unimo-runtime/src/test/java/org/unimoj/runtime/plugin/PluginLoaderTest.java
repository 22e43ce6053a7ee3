package org.unimoj.runtime.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unimoj.api.SpiVersion;

class PluginLoaderTest {

    @TempDir
    Path tmp;

    private Path pluginsDir() throws IOException {
        return Files.createDirectories(tmp.resolve("plugins"));
    }

    private PluginRegistry load(Path dir) {
        return PluginLoader.load(dir, getClass().getClassLoader());
    }

    @Test
    void loadsAJarCompiledAtTestTimeInItsOwnClassLoader() throws IOException {
        Path dir = pluginsDir();
        Path jar = PluginJars.taskPlugin(dir, "echo.jar", "EchoPlugin", "echo", "1.2.3", SpiVersion.CURRENT);
        PluginRegistry r = load(dir);
        assertEquals(List.of(), r.problems());
        LoadedTask t = r.requireTask("echo");
        assertEquals("1.2.3", t.info().version());
        assertEquals(jar, t.source().jar().orElseThrow());
        assertNotSame(getClass().getClassLoader(), t.plugin().getClass().getClassLoader());
        assertEquals(getClass().getClassLoader(), t.plugin().getClass().getClassLoader().getParent());
    }

    @Test
    void brokenEntriesAreReportedWithJarAndClassAndTheRestStillLoads() throws IOException {
        Path dir = pluginsDir();
        PluginJars.taskPlugin(dir, "a-good.jar", "GoodPlugin", "good", "1.0", SpiVersion.CURRENT);
        // One jar, four entries: a missing class, a class of the wrong type, a throwing constructor, and a good one.
        String wrongType = "package bad; public final class NotAPlugin { public NotAPlugin() {} }";
        String throwing = PluginJars.taskPluginSource("bad", "Throwing", "throwing", "1.0", "1", "throw new IllegalStateException(\"boom in constructor\");");
        String fine = PluginJars.taskPluginSource("bad", "Fine", "fine", "1.0", "1", "");
        Path bad = PluginJars.build(dir.resolve("b-broken.jar"),
                Map.of("bad.NotAPlugin", wrongType, "bad.Throwing", throwing, "bad.Fine", fine),
                Map.of("org.unimoj.api.task.TaskPlugin", List.of("# comment line", "bad.Missing", "bad.NotAPlugin", "bad.Throwing", "bad.Fine", "not a class")),
                Map.of());
        PluginRegistry r = load(dir);
        assertTrue(r.task("good").isPresent());
        assertTrue(r.task("fine").isPresent(), "the good entry of the broken jar still loads");
        assertEquals(4, r.problems().size(), r.problems().toString());
        for (PluginProblem p : r.problems()) {
            assertEquals(bad, p.source().jar().orElseThrow(), p.toString());
        }
        assertTrue(has(r, "bad.Missing", "not found"));
        assertTrue(has(r, "bad.NotAPlugin", "does not implement org.unimoj.api.task.TaskPlugin"));
        assertTrue(has(r, "bad.Throwing", "boom in constructor"));
        assertTrue(has(r, "'not a class'", "is not a class name"));
    }

    @Test
    void aJarThatIsNotAJarOrDeclaresNothingIsReported() throws IOException {
        Path dir = pluginsDir();
        Files.writeString(dir.resolve("junk.jar"), "this is not a zip file");
        PluginJars.build(dir.resolve("empty.jar"), Map.of(), Map.of(), Map.of());
        PluginRegistry r = load(dir);
        assertEquals(2, r.problems().size());
        assertTrue(has(r, "junk.jar", "not a readable jar"));
        assertTrue(has(r, "empty.jar", "declares no plugin"));
    }

    @Test
    void duplicateTaskIdsNameBothJarsAndNeitherIsUsed() throws IOException {
        Path dir = pluginsDir();
        Path a = PluginJars.taskPlugin(dir, "one.jar", "First", "same", "1.0", SpiVersion.CURRENT);
        Path b = PluginJars.taskPlugin(dir, "two.jar", "Second", "same", "2.0", SpiVersion.CURRENT);
        PluginRegistry r = load(dir);
        assertFalse(r.task("same").isPresent());
        assertEquals(1, r.problems().size());
        String m = r.problems().get(0).message();
        assertTrue(m.contains(a.toString()) && m.contains(b.toString()) && m.contains("duplicate task id 'same'"), m);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> r.requireTask("same"));
        assertTrue(e.getMessage().contains("duplicate task id 'same'"), e.getMessage());
    }

    @Test
    void aPluginBuiltForAnotherSpiVersionIsRefusedByManifestOrByInfo() throws IOException {
        Path dir = pluginsDir();
        int other = SpiVersion.CURRENT + 1;
        Path byManifest = PluginJars.build(dir.resolve("future-manifest.jar"),
                Map.of("m.P", PluginJars.taskPluginSource("m", "P", "future1", "9.0", Integer.toString(SpiVersion.CURRENT), "")),
                Map.of("org.unimoj.api.task.TaskPlugin", List.of("m.P")),
                Map.of(SpiVersion.MANIFEST_ATTRIBUTE, Integer.toString(other)));
        Path byInfo = PluginJars.taskPlugin(dir, "future-info.jar", "Q", "future2", "9.0", other);
        PluginRegistry r = load(dir);
        assertTrue(r.tasks().isEmpty());
        assertEquals(2, r.problems().size());
        for (PluginProblem p : r.problems()) {
            assertTrue(p.message().contains("SPI version " + other) && p.message().contains("this runtime speaks SPI version " + SpiVersion.CURRENT), p.toString());
        }
        // Jars load in file-name order: future-info.jar, then future-manifest.jar.
        assertEquals(byInfo, r.problems().get(0).source().jar().orElseThrow());
        assertEquals(byManifest, r.problems().get(1).source().jar().orElseThrow());
    }

    @Test
    void twoPluginsMayCarryDifferentVersionsOfThePrivateLibrary() throws IOException {
        Path dir = pluginsDir();
        for (String v : List.of("1", "2")) {
            String lib = "package shared.lib; public final class Lib { public static String version() { return \"" + v + "\"; } }";
            String plugin = PluginJars.taskPluginSource("p" + v, "P", "lib" + v, "0", "1", "").replace("\"0\",", "shared.lib.Lib.version(),");
            PluginJars.build(dir.resolve("p" + v + ".jar"), Map.of("shared.lib.Lib", lib, "p" + v + ".P", plugin),
                    Map.of("org.unimoj.api.task.TaskPlugin", List.of("p" + v + ".P")), Map.of());
        }
        PluginRegistry r = load(dir);
        assertEquals(List.of(), r.problems());
        assertEquals("1", r.requireTask("lib1").info().version());
        assertEquals("2", r.requireTask("lib2").info().version());
    }

    @Test
    void builtInPluginsOnTheApplicationClassPathAreFoundToo() throws IOException {
        Path appJar = PluginJars.taskPlugin(Files.createDirectories(tmp.resolve("app")), "builtin.jar", "BuiltIn", "builtin", "1.0", SpiVersion.CURRENT);
        Path dir = pluginsDir();
        PluginJars.taskPlugin(dir, "dropped.jar", "Dropped", "dropped", "1.0", SpiVersion.CURRENT);
        try (java.net.URLClassLoader app = new java.net.URLClassLoader(new java.net.URL[] {appJar.toUri().toURL()}, getClass().getClassLoader())) {
            PluginRegistry r = PluginLoader.load(dir, app);
            assertEquals(List.of(), r.problems());
            assertEquals(PluginSource.CLASS_PATH, r.requireTask("builtin").source());
            assertEquals("class path", r.requireTask("builtin").source().toString());
            assertEquals(dir.resolve("dropped.jar"), r.requireTask("dropped").source().jar().orElseThrow());
        }
    }

    @Test
    void aMissingDirectoryHoldsNoPluginsAndUnknownIdsListTheKnownOnes() throws IOException {
        PluginRegistry r = load(tmp.resolve("does-not-exist"));
        assertTrue(r.problems().isEmpty());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> r.requireTask("vqa"));
        assertTrue(e.getMessage().contains("no task plugin with id 'vqa'"), e.getMessage());
    }

    private static boolean has(PluginRegistry r, String a, String b) {
        return r.problems().stream().anyMatch(p -> p.toString().contains(a) && p.toString().contains(b));
    }
}
