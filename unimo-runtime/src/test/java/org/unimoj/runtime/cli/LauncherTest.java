package org.unimoj.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.unimoj.api.SpiVersion;
import org.unimoj.runtime.plugin.PluginJars;
import picocli.CommandLine;

class LauncherTest {

    @TempDir
    Path tmp;

    /** One launcher run: exit code and what it printed. */
    record Run(int code, String out, String err) {}

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Unimo.execute(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    /** Every command path of the launcher, e.g. [], [bench], [bench, train], [plugins, list]. */
    static Stream<List<String>> commandPaths() {
        List<List<String>> paths = new ArrayList<>();
        collect(new CommandLine(new Unimo()), new ArrayList<>(), paths);
        return paths.stream();
    }

    private static void collect(CommandLine cl, List<String> prefix, List<List<String>> out) {
        out.add(List.copyOf(prefix));
        cl.getSubcommands().forEach((name, sub) -> {
            if (name.equals("help") || !sub.getCommandName().equals(name)) {
                return; // picocli's help command and aliases
            }
            List<String> p = new ArrayList<>(prefix);
            p.add(name);
            collect(sub, p, out);
        });
    }

    @ParameterizedTest
    @MethodSource("commandPaths")
    void everyCommandPrintsUsageForHelp(List<String> path) {
        List<String> args = new ArrayList<>(path);
        args.add("--help");
        Run r = run(args.toArray(String[]::new));
        assertEquals(0, r.code(), r.err());
        String name = String.join(" ", path);
        assertTrue(r.out().startsWith("Usage: unimo" + (name.isEmpty() ? "" : " " + name)), r.out());
        assertTrue(r.err().isEmpty(), r.err());
    }

    @Test
    void theTopCommandListsEveryCommandTheIssueNames() {
        String help = run("--help").out();
        for (String c : List.of("pretrain", "finetune", "evaluate", "augment", "generate-world", "encode", "bench", "plugins", "pipeline")) {
            assertTrue(help.contains("  " + c + " "), c + " missing from:\n" + help);
        }
    }

    @Test
    void anUnknownOptionIsOneLineAndExitCodeTwo() {
        Run r = run("plugins", "list", "--no-such-option");
        assertEquals(ExitCodes.USAGE, r.code());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("Unknown option: '--no-such-option'"), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace");
    }

    @Test
    void aBadConfigValueIsOneLineNamingKeyTypeAndFile() throws IOException {
        Path conf = tmp.resolve("bad.conf");
        Files.writeString(conf, "unimo {\n  seed = \"not a number\"\n}\n");
        Run r = run("pipeline", "show", "--config", conf.toString());
        assertEquals(ExitCodes.USAGE, r.code());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("'unimo.seed'") && r.err().contains("expected a number") && r.err().contains(conf + ":2"), r.err());
    }

    @Test
    void finetuneFromAMissingCheckpointIsAOneLineUsageError() {
        // every command has landed (pretrain with issue 8, finetune with issue 9), so none answers "not available" any more
        Run r = run("finetune", "--task", "vqa", "--checkpoint", tmp.resolve("no-such-checkpoint").toString());
        assertEquals(ExitCodes.USAGE, r.code(), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("--checkpoint") && r.err().contains("no such directory"), r.err());
        assertTrue(r.out().isEmpty());
    }

    @Test
    void pluginsListShowsACompiledPluginAndFailsOnABrokenOneBesideIt() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("plugins"));
        Path jar = PluginJars.taskPlugin(dir, "hello.jar", "HelloPlugin", "hello", "0.9.1", SpiVersion.CURRENT);
        Run ok = run("plugins", "list", "--plugins-dir", dir.toString());
        assertEquals(0, ok.code(), ok.err());
        String line = ok.out().lines().filter(l -> l.strip().startsWith("hello ")).findFirst().orElseThrow(() -> new AssertionError(ok.out()));
        assertTrue(line.contains("0.9.1") && line.contains("spi=" + SpiVersion.CURRENT) && line.contains(jar.toString()), line);

        Files.writeString(dir.resolve("broken.jar"), "not a jar");
        Run bad = run("plugins", "list", "--plugins-dir", dir.toString());
        assertEquals(ExitCodes.FAILED, bad.code());
        assertTrue(bad.out().contains("hello "), "the good plugin is still listed");
        assertTrue(bad.err().contains(dir.resolve("broken.jar").toString()), bad.err());
    }

    @Test
    void aMissingPluginsDirectoryIsAUsageError() {
        Run r = run("plugins", "list", "--plugins-dir", tmp.resolve("nope").toString());
        assertEquals(ExitCodes.USAGE, r.code());
        assertTrue(r.err().contains("no such directory"), r.err());
    }

    @Test
    void pipelineShowListsTheModulesAndBindingsOfTheDefaultConfiguration() {
        Run r = run("pipeline", "show", "--plugins-dir", tmp.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("org.unimoj.runtime.pipeline.RuntimeModule"), r.out());
        assertTrue(r.out().contains("unimo.pipeline.modules[0]"), r.out());
        assertTrue(r.out().contains("com.typesafe.config.Config"), r.out());
        assertTrue(r.out().contains("java.util.Map<java.lang.String, org.unimoj.api.task.TaskPlugin>"), r.out());
    }
}
